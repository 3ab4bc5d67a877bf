using Users.Application.Mail;
using Users.Domain.Users;

namespace Users.Application.Accounts;

/// <summary>The texts of the mails the account flows send.</summary>
public sealed class AccountMails(IPublicLinks links)
{
    public OutgoingMail Verification(Guid mailId, User user, string token, TimeSpan lifetime) =>
        new(mailId, user.Email, user.FullName, "Verify your email address",
            $"""
            Hello {user.FullName},

            please confirm that {user.Email} is your address by opening this link:

            {links.WithToken("verify-email", token)}

            The link works once, for {Describe(lifetime)}. If you did not sign up or change your address, ignore this mail.
            """);

    public OutgoingMail PasswordReset(Guid mailId, User user, string token, TimeSpan lifetime) =>
        new(mailId, user.Email, user.FullName, "Reset your password",
            $"""
            Hello {user.FullName},

            someone asked to reset the password of the account {user.Email}. To choose a new password, open this link:

            {links.WithToken("reset-password", token)}

            The link works once, for {Describe(lifetime)}, and signs the account out everywhere. If you did not ask for
            it, ignore this mail: your password stays as it is.
            """);

    private static string Describe(TimeSpan lifetime) =>
        lifetime.TotalHours >= 1 && lifetime.TotalHours == Math.Floor(lifetime.TotalHours)
            ? $"{lifetime.TotalHours:0} hour{(lifetime.TotalHours == 1 ? string.Empty : "s")}"
            : $"{Math.Ceiling(lifetime.TotalMinutes):0} minutes";
}
