using Users.Application.Common;
using Users.Application.Errors;
using Users.Application.Users;
using Users.Domain.Accounts;

namespace Users.Application.Accounts;

/// <summary>Proves that a user owns their address, with the single-use token mailed there.</summary>
public sealed class EmailVerificationService(
    IOneTimeTokenRepository tokens, IUserRepository users, IUnitOfWork unitOfWork, TimeProvider clock)
{
    // One answer for every token that does not verify, so it tells nothing about which tokens exist.
    private const string InvalidToken = "The token is not valid: it is unknown, expired or already used, or the address has changed since. Ask for a new mail.";

    public Task VerifyAsync(VerifyEmailRequest request, CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(
            async token =>
            {
                var now = clock.GetUtcNow();
                var stored = TokenSecret.HashOf(request.Token) is { } hash
                    ? await tokens.FindForUpdateAsync(OneTimeTokenPurpose.VerifyEmail, hash, token)
                    : null;
                var user = stored is not null && stored.IsRedeemable(now) ? await users.FindForUpdateAsync(stored.UserId, token) : null;
                if (stored is null || user is null || !user.HasEmail(stored.Email))
                {
                    throw new InvalidFieldException("token", InvalidToken);
                }

                user.MarkEmailVerified(now);
                stored.Redeem(now);
                await unitOfWork.SaveChangesAsync(token);
                return user.Id;
            },
            cancellationToken);
}
