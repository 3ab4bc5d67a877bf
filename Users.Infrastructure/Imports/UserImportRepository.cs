using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Users.Application.Imports;
using Users.Domain.Imports;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Imports;

public sealed class UserImportRepository(UsersDbContext db) : IUserImportRepository
{
    private const string Copy =
        $"COPY {StagedImportRowConfiguration.Table} (import_id, row_number, email, full_name, is_active, field_count) FROM STDIN (FORMAT BINARY)";

    /// <summary>Binary COPY on the context's connection and transaction: rows stream to the server as they are read.</summary>
    public async Task<int> StageAsync(Guid importId, IAsyncEnumerable<ImportRow> rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Disposed without completing (the file turned out unreadable, too large or cut off), the COPY is cancelled.
            await using var copy = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
            var count = 0;
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(importId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(row.Row, NpgsqlDbType.Integer, cancellationToken);
                await WriteTextAsync(copy, row.Email, cancellationToken);
                await WriteTextAsync(copy, row.FullName, cancellationToken);
                await WriteTextAsync(copy, row.IsActive, cancellationToken);
                await copy.WriteAsync(row.FieldCount, NpgsqlDbType.Integer, cancellationToken);
                count++;
            }

            await copy.CompleteAsync(cancellationToken);
            return count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Add(UserImport import) => db.Set<UserImport>().Add(import);

    public Task<UserImport?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<UserImport>().FirstOrDefaultAsync(import => import.Id == id, cancellationToken);

    public Task<UserImport?> LockAsync(Guid id, CancellationToken cancellationToken)
    {
        // A tracked copy from an earlier batch would be returned as it is; the progress must be what another worker
        // committed while this one waited for the lock.
        foreach (var stale in db.ChangeTracker.Entries<UserImport>().Where(entry => entry.Entity.Id == id).ToList())
        {
            stale.State = EntityState.Detached;
        }

        return db.Set<UserImport>().FromSql($"SELECT * FROM user_imports WHERE id = {id} FOR UPDATE")
            .AsTracking()
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ImportRow>> ReadRowsAsync(Guid importId, int afterRow, int take, CancellationToken cancellationToken) =>
        await db.Set<StagedImportRow>()
            .Where(row => row.ImportId == importId && row.Row > afterRow)
            .OrderBy(row => row.Row)
            .Take(take)
            .Select(row => new ImportRow(row.Row, row.Email, row.FullName, row.IsActive, row.FieldCount))
            .ToListAsync(cancellationToken);

    public Task<int> CountFailuresAsync(Guid importId, CancellationToken cancellationToken) =>
        db.Set<ImportFailure>().CountAsync(failure => failure.ImportId == importId, cancellationToken);

    public async Task<IReadOnlyList<ImportRowFailure>> ListFailuresAsync(Guid importId, int take, CancellationToken cancellationToken) =>
        await db.Set<ImportFailure>()
            .Where(failure => failure.ImportId == importId)
            .OrderBy(failure => failure.Row).ThenBy(failure => failure.Field)
            .Take(take)
            .Select(failure => new ImportRowFailure { Row = failure.Row, Field = failure.Field, Reason = failure.Reason })
            .ToListAsync(cancellationToken);

    public void AddFailures(IEnumerable<ImportFailure> failures) => db.Set<ImportFailure>().AddRange(failures);

    private static async Task WriteTextAsync(NpgsqlBinaryImporter copy, string? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
        }
    }
}
