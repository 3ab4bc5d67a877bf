using Users.Application.Common;
using Users.Application.Errors;
using Users.Application.Jobs;
using Users.Domain.Accounts;

namespace Users.Application.Accounts;

/// <summary>Resets a forgotten password with a single-use token mailed to the account's address.</summary>
public sealed class PasswordResetService(
    MailedTokens mailedTokens,
    IOneTimeTokenRepository tokens,
    IRefreshTokenRepository refreshTokens,
    IOutbox outbox,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwords,
    PasswordPolicy passwordPolicy,
    TimeProvider clock)
{
    private const string InvalidToken = "The token is not valid: it is unknown, expired or already used. Ask for a new mail.";

    /// <summary>
    /// Asks for a reset mail. The request does the same work whether or not the email has an account (it only stages a
    /// message), so neither its answer nor its time tells; the job looks the account up and mails only real users.
    /// </summary>
    public async Task RequestAsync(ForgotPasswordRequest request, CancellationToken cancellationToken)
    {
        outbox.Add(new PasswordResetRequested(request.Email!.Trim()));
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets the new password, uses the token up and ends every sign-in of the account.</summary>
    public Task ResetAsync(ResetPasswordRequest request, CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(
            async token =>
            {
                var (_, user) = await mailedTokens.FindRedeemableAsync(OneTimeTokenPurpose.ResetPassword, request.Token, token) is { User.IsActive: true } found
                    ? found
                    : throw new InvalidFieldException("token", InvalidToken);
                var now = clock.GetUtcNow();

                if (passwordPolicy.FindWeakness(request.NewPassword!, user.Email, user.FullName) is { } weakness)
                {
                    throw new InvalidFieldException("newPassword", $"'newPassword' {weakness}");
                }

                user.SetPasswordHash(passwords.Hash(request.NewPassword!), now);

                // The mail reached the address, which proves it as a verification link would.
                user.MarkEmailVerified(now);
                await unitOfWork.SaveChangesAsync(token);
                await tokens.RedeemAllOfUserAsync(user.Id, OneTimeTokenPurpose.ResetPassword, now, token);
                await refreshTokens.RevokeAllOfUserAsync(user.Id, now, token);
                return user.Id;
            },
            cancellationToken);
}
