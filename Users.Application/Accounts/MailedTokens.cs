using Microsoft.Extensions.Options;
using Users.Application.Common;
using Users.Application.Users;
using Users.Domain.Accounts;
using Users.Domain.Users;

namespace Users.Application.Accounts;

/// <summary>
/// The one-time tokens of mailed links. A job draws the secret it mails, keeping only its hash; the token's id is the
/// outbox message's, so a job that runs again (a failed send, a crash) finds its token, draws a new secret for it (the
/// old one was never kept), and does nothing once the token was used. A request that brings a secret back finds the
/// token and its account only while the token can still be used.
/// </summary>
public sealed class MailedTokens(
    IOneTimeTokenRepository tokens, IUserRepository users, IUnitOfWork unitOfWork, IOptions<AccountOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The token of <paramref name="secret"/> and its account, the token's row locked for the current transaction; null
    /// when the secret is malformed or unknown, of another purpose, used, expired, or mailed to an address the account
    /// no longer has.
    /// </summary>
    public async Task<(OneTimeToken Token, User User)?> FindRedeemableAsync(
        OneTimeTokenPurpose purpose, string? secret, CancellationToken cancellationToken)
    {
        var stored = TokenSecret.HashOf(secret) is { } hash ? await tokens.FindForUpdateAsync(purpose, hash, cancellationToken) : null;
        if (stored is null || !stored.IsRedeemable(clock.GetUtcNow()))
        {
            return null;
        }

        return await users.FindForUpdateAsync(stored.UserId, cancellationToken) is { } user && user.HasEmail(stored.Email)
            ? (stored, user)
            : null;
    }

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
