using Microsoft.EntityFrameworkCore;
using Users.Application.Accounts;
using Users.Domain.Accounts;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Accounts;

public sealed class RefreshTokenRepository(UsersDbContext db) : IRefreshTokenRepository
{
    public Task<RefreshToken?> FindForUpdateAsync(byte[] tokenHash, CancellationToken cancellationToken) =>
        db.RefreshTokens.AsTracking().FirstOrDefaultAsync(token => token.TokenHash == tokenHash, cancellationToken);

    public void Add(RefreshToken token) => db.RefreshTokens.Add(token);

    public Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(token => token.FamilyId == familyId && token.RevokedAt == null)
            .ExecuteUpdateAsync(token => token.SetProperty(t => t.RevokedAt, now), cancellationToken);

    public Task RevokeAllOfUserAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(token => token.UserId == userId && token.RevokedAt == null)
            .ExecuteUpdateAsync(token => token.SetProperty(t => t.RevokedAt, now), cancellationToken);
}
