using AutoMapper;
using Microsoft.Extensions.Options;
using Users.Application.Common;
using Users.Application.Errors;
using Users.Application.Jobs;
using Users.Application.Users;
using Users.Domain.Accounts;
using Users.Domain.Users;

namespace Users.Application.Accounts;

/// <summary>Credentials and sign-ins: sign-up, tokens, refresh-token rotation, sign-out and password changes.</summary>
public sealed class AccountService(
    IUserRepository users,
    IRefreshTokenRepository refreshTokens,
    IOutbox outbox,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwords,
    PasswordPolicy passwordPolicy,
    IAccessTokenIssuer accessTokens,
    IOptions<AccountOptions> options,
    IMapper mapper,
    AccountMetrics metrics,
    TimeProvider clock)
{
    public const string TokenType = "Bearer";

    // One answer for every failed sign-in, so it tells nobody which emails have accounts.
    private const string WrongCredentials = "The email or password is wrong, or the account is inactive.";
    private const string InvalidRefreshToken = "The refresh token is not valid: it is unknown, expired, already used or revoked. Sign in again.";

    public async Task<VersionedUser> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken)
    {
        if (!options.Value.AllowSignup)
        {
            throw new ForbiddenException("Sign-up is closed on this service; ask an admin for an account.");
        }

        var now = clock.GetUtcNow();
        var user = User.Create(request.Email!, request.FullName!, isActive: true, UserRole.User, now);
        user.SetPasswordHash(passwords.Hash(request.Password!), now);
        users.Add(user);

        // Committed with the account or not at all: the verification mail goes out only for an account that exists.
        outbox.Add(new VerificationMailRequested(user.Id, user.Email));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return mapper.Map<VersionedUser>(user);
    }

    public async Task<TokenResponse> SignInAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailForUpdateAsync(request.Email!.Trim(), cancellationToken);
        if (user?.PasswordHash is not { } hash)
        {
            // As slow as a real check, so the answer's timing does not tell that the email has no account.
            passwords.VerifyNothing(request.Password!);
            metrics.SignIn(AccountMetrics.UnknownAccount);
            throw new AuthenticationFailedException(WrongCredentials);
        }

        var check = passwords.Verify(hash, request.Password!);
        if (check == PasswordCheck.Wrong || !user.IsActive)
        {
            metrics.SignIn(check == PasswordCheck.Wrong ? AccountMetrics.WrongPassword : AccountMetrics.Inactive);
            throw new AuthenticationFailedException(WrongCredentials);
        }

        // Said only to the holder of the right password, so it tells nobody else anything.
        if (options.Value.RequireVerifiedEmail && !user.EmailVerified)
        {
            metrics.SignIn(AccountMetrics.Unverified);
            throw new ForbiddenException("The email address is not verified yet: follow the link mailed to it, then sign in.");
        }

        var (refreshToken, refreshHash) = TokenSecret.Create();
        var signedIn = await StartSignInAsync(user.Id, hash, refreshHash, cancellationToken);
        if (!signedIn && await users.FindActivePasswordHashAsync(user.Id, cancellationToken) is { } current && current != hash &&
            passwords.Verify(current, request.Password!) != PasswordCheck.Wrong)
        {
            // A concurrent sign-in re-hashed the same password at today's cost: still this password, so sign in on it.
            signedIn = await StartSignInAsync(user.Id, current, refreshHash, cancellationToken);
        }

        if (!signedIn)
        {
            metrics.SignIn(AccountMetrics.Superseded);
            throw new AuthenticationFailedException(WrongCredentials);
        }

        metrics.SignIn(AccountMetrics.Succeeded);

        if (check == PasswordCheck.CorrectButRehash)
        {
            await UpgradePasswordHashAsync(user, request.Password!, cancellationToken);
        }

        return Tokens(user, refreshToken);
    }

    public async Task<TokenResponse> RefreshAsync(RefreshTokenRequest request, CancellationToken cancellationToken)
    {
        var presented = await FindAsync(request.RefreshToken, cancellationToken) ?? throw new AuthenticationFailedException(InvalidRefreshToken);
        var now = clock.GetUtcNow();
        if (presented.IsSpent)
        {
            // A used token coming back means two parties hold it: end the sign-in for both.
            await refreshTokens.RevokeFamilyAsync(presented.FamilyId, now, cancellationToken);
            metrics.RefreshTokenReused();
            throw new AuthenticationFailedException(InvalidRefreshToken);
        }

        var user = await users.FindForUpdateAsync(presented.UserId, cancellationToken);
        if (!presented.IsRedeemable(now) || user is not { IsActive: true })
        {
            throw new AuthenticationFailedException(InvalidRefreshToken);
        }

        var (refreshToken, refreshHash) = TokenSecret.Create();
        refreshTokens.Add(presented.Rotate(refreshHash, now));
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another request used the same token at the same moment: that is reuse too.
            await refreshTokens.RevokeFamilyAsync(presented.FamilyId, now, cancellationToken);
            metrics.RefreshTokenReused();
            throw new AuthenticationFailedException(InvalidRefreshToken);
        }

        return Tokens(user, refreshToken);
    }

    /// <summary>Ends the sign-in the token belongs to. Unknown tokens are ignored: the outcome is the same.</summary>
    public async Task LogoutAsync(RefreshTokenRequest request, CancellationToken cancellationToken)
    {
        if (await FindAsync(request.RefreshToken, cancellationToken) is { } token)
        {
            await refreshTokens.RevokeFamilyAsync(token.FamilyId, clock.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>Changes the caller's password and ends all their sign-ins, this one included.</summary>
    public async Task ChangePasswordAsync(Caller caller, ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        await unitOfWork.InTransactionAsync(
            async token =>
            {
                var user = await users.FindForUpdateAsync(caller.UserId, token) ?? throw new NotFoundException("User", caller.UserId);
                if (user.PasswordHash is null || passwords.Verify(user.PasswordHash, request.CurrentPassword!) == PasswordCheck.Wrong)
                {
                    throw new InvalidFieldException("currentPassword", "'currentPassword' is not the account's current password.");
                }

                SetPassword(user, "newPassword", request.NewPassword!);

                // The user's row first: a sign-in checking the old password waits for it, then fails.
                await unitOfWork.SaveChangesAsync(token);
                await refreshTokens.RevokeAllOfUserAsync(user.Id, clock.GetUtcNow(), token);
                return user.Id;
            },
            cancellationToken);
    }

    /// <summary>
    /// Makes the account with this email an active admin with this password, creating it if need be. Running it again
    /// with the same password changes nothing.
    /// </summary>
    public async Task<AdminSeedOutcome> SeedAdminAsync(string email, string fullName, string password, CancellationToken cancellationToken) =>
        await unitOfWork.InTransactionAsync(
            async token =>
            {
                var now = clock.GetUtcNow();
                var user = await users.FindByEmailForUpdateAsync(email.Trim(), token);
                var outcome = AdminSeedOutcome.Unchanged;
                var endSignIns = false;
                if (user is null)
                {
                    user = User.Create(email, fullName, isActive: true, UserRole.Admin, now);
                    users.Add(user);
                    outcome = AdminSeedOutcome.Created;
                }
                else if (!user.IsActiveAdmin)
                {
                    user.ChangeRole(UserRole.Admin, now);
                    user.SetActive(true, now);
                    endSignIns = true;
                    outcome = AdminSeedOutcome.Promoted;
                }

                if (user.PasswordHash is null || passwords.Verify(user.PasswordHash, password) == PasswordCheck.Wrong)
                {
                    SetPassword(user, "password", password);
                    endSignIns = true;
                    outcome = outcome == AdminSeedOutcome.Unchanged ? AdminSeedOutcome.PasswordChanged : outcome;
                }

                await unitOfWork.SaveChangesAsync(token);
                if (endSignIns)
                {
                    await refreshTokens.RevokeAllOfUserAsync(user.Id, now, token);
                }

                return outcome;
            },
            cancellationToken);

    /// <summary>
    /// Saves the sign-in's first refresh token if the account is still active with the password hash that was checked.
    /// The hash took a while to check: a password change or deactivation that landed meanwhile wins, and one that comes
    /// later waits for this sign-in and then revokes its token with the rest.
    /// </summary>
    private Task<bool> StartSignInAsync(Guid userId, string checkedHash, byte[] refreshHash, CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(
            async token =>
            {
                if (!await users.HoldCredentialsAsync(userId, checkedHash, token))
                {
                    return false;
                }

                refreshTokens.Add(RefreshToken.StartFamily(userId, refreshHash, clock.GetUtcNow(), options.Value.RefreshTokenLifetime));
                await unitOfWork.SaveChangesAsync(token);
                return true;
            },
            cancellationToken);

    private void SetPassword(User user, string field, string password)
    {
        if (passwordPolicy.FindWeakness(password, user.Email, user.FullName) is { } weakness)
        {
            throw new InvalidFieldException(field, $"'{field}' {weakness}");
        }

        user.SetPasswordHash(passwords.Hash(password), clock.GetUtcNow());
    }

    /// <summary>
    /// Stores the password under today's cost, after the sign-in is saved: if another request changed the user first
    /// (a concurrent sign-in upgraded it, or the password changed), its write stands and this sign-in still succeeds.
    /// </summary>
    private async Task UpgradePasswordHashAsync(User user, string password, CancellationToken cancellationToken)
    {
        user.UpgradePasswordHash(passwords.Hash(password));
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The user's row is newer than the one checked: an old hash left behind is upgraded at the next sign-in.
        }
    }

    private Task<RefreshToken?> FindAsync(string? token, CancellationToken cancellationToken) =>
        TokenSecret.HashOf(token) is { } hash
            ? refreshTokens.FindForUpdateAsync(hash, cancellationToken)
            : Task.FromResult<RefreshToken?>(null);

    private TokenResponse Tokens(User user, string refreshToken)
    {
        var access = accessTokens.Issue(user);
        return new TokenResponse
        {
            AccessToken = access.Value,
            TokenType = TokenType,
            ExpiresIn = (int)access.Lifetime.TotalSeconds,
            RefreshToken = refreshToken,
        };
    }
}
