using Microsoft.Extensions.Options;
using Users.Application.Jobs;
using Users.Application.Mail;
using Users.Application.Users;
using Users.Domain.Accounts;

namespace Users.Application.Accounts;

/// <summary>Mails a verification link to a new or changed address, in a background job.</summary>
public sealed class VerificationMailJob(
    IUserRepository users, MailedTokens tokens, AccountMails mails, IMailSender mailer, IOptions<AccountOptions> options)
    : IOutboxMessageHandler<VerificationMailRequested>
{
    public async Task HandleAsync(Guid messageId, VerificationMailRequested message, CancellationToken cancellationToken)
    {
        // Nothing to prove any more: the account is gone, verified, or has moved to an address a newer message covers.
        var user = await users.FindForUpdateAsync(message.UserId, cancellationToken);
        if (user is null || user.EmailVerified || !user.HasEmail(message.Email))
        {
            return;
        }

        if (await tokens.IssueAsync(messageId, user, OneTimeTokenPurpose.VerifyEmail, cancellationToken) is { } token)
        {
            await mailer.SendAsync(mails.Verification(messageId, user, token, options.Value.EmailVerificationTokenLifetime), cancellationToken);
        }
    }
}
