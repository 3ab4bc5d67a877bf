using Users.Application.Imports;
using Users.Domain.Imports;

namespace Users.Tests.Imports;

/// <summary>
/// The real import repository, but the worker halts in the batch after <paramref name="completeBatches"/>: as that
/// batch reads its rows, <paramref name="halt"/> runs with the batch's token (cancel it, as a worker stopped half-way;
/// or wait on it, as a worker whose node goes down), so the batch's transaction never commits.
/// </summary>
public sealed class HaltingImportRepository(IUserImportRepository inner, int completeBatches, Func<CancellationToken, Task> halt)
    : IUserImportRepository
{
    private int _batches;

    /// <summary>A worker stopped half-way: <paramref name="stop"/> is cancelled, so the batch's writes fail and roll back.</summary>
    public static HaltingImportRepository Interrupting(IUserImportRepository inner, int completeBatches, CancellationTokenSource stop) =>
        new(inner, completeBatches, _ => stop.CancelAsync());

    /// <summary>A worker that hangs, having said so through <paramref name="stalled"/>, until its job is cancelled.</summary>
    public static HaltingImportRepository Stalling(IUserImportRepository inner, int completeBatches, TaskCompletionSource stalled) =>
        new(inner, completeBatches, cancellationToken =>
        {
            stalled.TrySetResult();
            return Task.Delay(Timeout.Infinite, cancellationToken);
        });

    public async Task<IReadOnlyList<ImportRow>> ReadRowsAsync(Guid importId, int afterRow, int take, CancellationToken cancellationToken)
    {
        if (++_batches > completeBatches)
        {
            await halt(cancellationToken);
        }

        return await inner.ReadRowsAsync(importId, afterRow, take, cancellationToken);
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
