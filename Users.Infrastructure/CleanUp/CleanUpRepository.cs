using Microsoft.EntityFrameworkCore;
using Users.Application.CleanUp;
using Users.Domain.Imports;
using Users.Domain.Users;
using Users.Infrastructure.Idempotency;
using Users.Infrastructure.Imports;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.CleanUp;

/// <summary>Set-based deletes: each is one statement, whatever the number of rows, and none loads an entity.</summary>
public sealed class CleanUpRepository(UsersDbContext db) : ICleanUpRepository
{
    public Task<int> DeleteExpiredRefreshTokensAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(token => token.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

    public Task<int> DeleteExpiredOneTimeTokensAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.OneTimeTokens.Where(token => token.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

    public Task<int> DeleteStagedRowsOfImportsFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        db.Set<StagedImportRow>()
            .Where(row => db.Set<UserImport>().Any(import => import.Id == row.ImportId && import.FinishedAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);

    public Task<int> DeleteOutboxMessagesProcessedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        db.OutboxMessages.Where(message => message.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);

    public Task<int> DeleteUnverifiedUsersCreatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        db.Users
            .Where(user => !user.EmailVerified && user.Role == UserRole.User && user.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);

    public Task<int> DeleteExpiredIdempotencyKeysAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Set<IdempotencyEntry>().Where(entry => entry.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
}
