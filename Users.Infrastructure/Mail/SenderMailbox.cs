using MimeKit;

namespace Users.Infrastructure.Mail;

/// <summary>Reads <c>Mail:SenderAddress</c>: a bare address with a local part and a domain, nothing else.</summary>
public static class SenderMailbox
{
    /// <summary>The mailbox, or null when <paramref name="address"/> is not a bare <c>local@domain</c>.</summary>
    public static MailboxAddress? TryParse(string address) =>
        MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.Route.Count == 0
            && mailbox.LocalPart.Length > 0
            && mailbox.Domain.Length > 0
            && string.Equals(mailbox.Address, address.Trim(), StringComparison.Ordinal)
            ? mailbox
            : null;
}
