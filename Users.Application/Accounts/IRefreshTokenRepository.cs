using Users.Domain.Accounts;

namespace Users.Application.Accounts;

/// <summary>Every query the service makes of stored refresh tokens.</summary>
public interface IRefreshTokenRepository
{
    /// <summary>Loads the token with this hash to use or revoke it.</summary>
    Task<RefreshToken?> FindForUpdateAsync(byte[] tokenHash, CancellationToken cancellationToken);

    void Add(RefreshToken token);

    /// <summary>Revokes every token of a sign-in at once, in the current transaction if there is one.</summary>
    Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes every token of every sign-in of a user, in the current transaction if there is one.</summary>
    Task RevokeAllOfUserAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);
}
