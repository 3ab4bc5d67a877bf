using Microsoft.Extensions.Options;
using Users.Application.Common;
using Users.Domain.Accounts;
using Users.Domain.Users;

namespace Users.Application.Accounts;

/// <summary>
/// Draws the secret a job mails, keeping only its hash. The token's id is the outbox message's, so a job that runs
/// again (a failed send, a crash) finds its token: it draws a new secret for it, since the old one was never kept,
/// and does nothing once the token was used.
/// </summary>
public sealed class MailedTokens(IOneTimeTokenRepository tokens, IUnitOfWork unitOfWork, IOptions<AccountOptions> options, TimeProvider clock)
{
    /// <summary>The secret to mail, committed as a hash before the mail goes out; null when the token was used already.</summary>
    public async Task<string?> IssueAsync(Guid messageId, User user, OneTimeTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lifetime = purpose == OneTimeTokenPurpose.VerifyEmail
            ? options.Value.EmailVerificationTokenLifetime
            : options.Value.PasswordResetTokenLifetime;
        var (secret, hash) = TokenSecret.Create();
        var token = await tokens.FindAsync(messageId, cancellationToken);
        if (token is null)
        {
            tokens.Add(OneTimeToken.Issue(messageId, user.Id, purpose, user.Email, hash, now, lifetime));
        }
        else if (token.UsedAt is null)
        {
            token.Reissue(hash, now, lifetime);
        }
        else
        {
            return null;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return secret;
    }
}
