using Users.Domain.Imports;

namespace Users.Application.Imports;

/// <summary>Every query the service makes of imports and their stored rows.</summary>
public interface IUserImportRepository
{
    /// <summary>
    /// Stores the rows of an import as they are read, in the current transaction, without holding them all in
    /// memory; returns how many it stored.
    /// </summary>
    Task<int> StageAsync(Guid importId, IAsyncEnumerable<ImportRow> rows, CancellationToken cancellationToken);

    void Add(UserImport import);

    /// <summary>Reads an import, untracked.</summary>
    Task<UserImport?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Loads an import as stored, to record progress, locked until the current transaction ends: after waiting for
    /// another worker's batch, it has that batch's progress.
    /// </summary>
    Task<UserImport?> LockAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> stored rows of an import after row <paramref name="afterRow"/>, in file order.</summary>
    Task<IReadOnlyList<ImportRow>> ReadRowsAsync(Guid importId, int afterRow, int take, CancellationToken cancellationToken);

    /// <summary>How many failures of the import are stored.</summary>
    Task<int> CountFailuresAsync(Guid importId, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="take"/> stored failures of an import, by row.</summary>
    Task<IReadOnlyList<ImportRowFailure>> ListFailuresAsync(Guid importId, int take, CancellationToken cancellationToken);

    void AddFailures(IEnumerable<ImportFailure> failures);
}
