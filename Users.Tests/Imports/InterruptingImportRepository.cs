using Users.Application.Imports;
using Users.Domain.Imports;

namespace Users.Tests.Imports;

/// <summary>
/// The real import repository, but the worker "dies" during the batch after <paramref name="completeBatches"/>: once
/// that batch has read its rows, the token is cancelled, so the batch's writes fail and its transaction rolls back, as
/// when a worker is stopped half-way.
/// </summary>
public sealed class InterruptingImportRepository(IUserImportRepository inner, int completeBatches, CancellationTokenSource stop)
    : IUserImportRepository
{
    private int _batches;

    public async Task<IReadOnlyList<ImportRow>> ReadRowsAsync(Guid importId, int afterRow, int take, CancellationToken cancellationToken)
    {
        var rows = await inner.ReadRowsAsync(importId, afterRow, take, cancellationToken);
        if (++_batches > completeBatches)
        {
            await stop.CancelAsync();
        }

        return rows;
    }

    public Task<int> StageAsync(Guid importId, IAsyncEnumerable<ImportRow> rows, CancellationToken cancellationToken) =>
        inner.StageAsync(importId, rows, cancellationToken);

    public void Add(UserImport import) => inner.Add(import);

    public Task<UserImport?> FindAsync(Guid id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    public Task<UserImport?> LockAsync(Guid id, CancellationToken cancellationToken) => inner.LockAsync(id, cancellationToken);

    public Task<int> CountFailuresAsync(Guid importId, CancellationToken cancellationToken) => inner.CountFailuresAsync(importId, cancellationToken);

    public Task<IReadOnlyList<ImportRowFailure>> ListFailuresAsync(Guid importId, int take, CancellationToken cancellationToken) =>
        inner.ListFailuresAsync(importId, take, cancellationToken);

    public void AddFailures(IEnumerable<ImportFailure> failures) => inner.AddFailures(failures);
}
