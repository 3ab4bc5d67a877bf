using Microsoft.Extensions.Options;
using Users.Application.Jobs;
using Users.Application.Mail;
using Users.Application.Users;
using Users.Domain.Accounts;

namespace Users.Application.Accounts;

/// <summary>Mails a password-reset link, in a background job, if the address belongs to an active account.</summary>
public sealed class PasswordResetMailJob(
    IUserRepository users, MailedTokens tokens, AccountMails mails, IMailSender mailer, IOptions<AccountOptions> options)
    : IOutboxMessageHandler<PasswordResetRequested>
{
    public async Task HandleAsync(Guid messageId, PasswordResetRequested message, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailForUpdateAsync(message.Email, cancellationToken);
        if (user is null || !user.IsActive)
        {
            return;
        }

        if (await tokens.IssueAsync(messageId, user, OneTimeTokenPurpose.ResetPassword, cancellationToken) is { } token)
        {
            await mailer.SendAsync(mails.PasswordReset(messageId, user, token, options.Value.PasswordResetTokenLifetime), cancellationToken);
        }
    }
}
