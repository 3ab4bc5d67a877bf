using Microsoft.EntityFrameworkCore;
using Users.Application.Accounts;
using Users.Domain.Accounts;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Accounts;

public sealed class OneTimeTokenRepository(UsersDbContext db) : IOneTimeTokenRepository
{
    public Task<OneTimeToken?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.OneTimeTokens.AsTracking().FirstOrDefaultAsync(token => token.Id == id, cancellationToken);

    public Task<OneTimeToken?> FindForUpdateAsync(OneTimeTokenPurpose purpose, byte[] tokenHash, CancellationToken cancellationToken) =>
        db.OneTimeTokens
            .FromSql($"SELECT * FROM one_time_tokens WHERE token_hash = {tokenHash} AND purpose = {OneTimeTokenConfiguration.Stored(purpose)} FOR UPDATE")
            .AsTracking()
            .SingleOrDefaultAsync(cancellationToken);

    public void Add(OneTimeToken token) => db.OneTimeTokens.Add(token);

    public Task RedeemAllOfUserAsync(Guid userId, OneTimeTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.OneTimeTokens
            .Where(token => token.UserId == userId && token.Purpose == purpose && token.UsedAt == null)
            .ExecuteUpdateAsync(token => token.SetProperty(t => t.UsedAt, now), cancellationToken);
}
