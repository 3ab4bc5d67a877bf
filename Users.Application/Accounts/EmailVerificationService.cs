using Users.Application.Common;
using Users.Application.Errors;
using Users.Domain.Accounts;

namespace Users.Application.Accounts;

/// <summary>Proves that a user owns their address, with the single-use token mailed there.</summary>
public sealed class EmailVerificationService(MailedTokens tokens, IUnitOfWork unitOfWork, TimeProvider clock)
{
    // One answer for every token that does not verify, so it tells nothing about which tokens exist.
    private const string InvalidToken = "The token is not valid: it is unknown, expired or already used, or the address has changed since. Ask for a new mail.";

    public Task VerifyAsync(VerifyEmailRequest request, CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(
            async token =>
            {
                var (stored, user) = await tokens.FindRedeemableAsync(OneTimeTokenPurpose.VerifyEmail, request.Token, token)
                    ?? throw new InvalidFieldException("token", InvalidToken);
                var now = clock.GetUtcNow();
                user.MarkEmailVerified(now);
                stored.Redeem(now);
                await unitOfWork.SaveChangesAsync(token);
                return user.Id;
            },
            cancellationToken);
}
