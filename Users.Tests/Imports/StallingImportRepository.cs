using Users.Application.Imports;
using Users.Domain.Imports;

namespace Users.Tests.Imports;

/// <summary>
/// The real import repository, but after <paramref name="completeBatches"/> batches the worker hangs, reading its next
/// rows, until its job is cancelled: a worker half-way through an import when its node goes down.
/// </summary>
public sealed class StallingImportRepository(IUserImportRepository inner, int completeBatches, TaskCompletionSource stalled)
    : IUserImportRepository
{
    private int _batches;

    public async Task<IReadOnlyList<ImportRow>> ReadRowsAsync(Guid importId, int afterRow, int take, CancellationToken cancellationToken)
    {
        if (++_batches > completeBatches)
        {
            stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
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
