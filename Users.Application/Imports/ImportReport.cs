using Users.Domain.Imports;

namespace Users.Application.Imports;

/// <summary>A bulk import of users and how far it has got.</summary>
public sealed class ImportReport
{
    /// <summary>At most this many failures are listed; the failed count counts every refused row.</summary>
    public const int MaxListedFailures = 1_000;

    /// <summary>The import's id, a time-ordered UUIDv7.</summary>
    public required Guid Id { get; init; }

    /// <summary><c>queued</c> until a worker takes it, <c>running</c>, then <c>succeeded</c> or <c>failed</c>.</summary>
    public required ImportState State { get; init; }

    /// <summary>The data rows in the file (the header and blank lines are not counted).</summary>
    public required int RowsRead { get; init; }

    /// <summary>Rows that became users.</summary>
    public required int Created { get; init; }

    /// <summary>
    /// Valid rows not written because their email was taken, regardless of case: by a stored user or by an earlier row
    /// of the file (the first such row wins).
    /// </summary>
    public required int Skipped { get; init; }

    /// <summary>Rows refused because a field is invalid; the failures say which and why.</summary>
    public required int Failed { get; init; }

    /// <summary>The first 1,000 failures, by row: one per invalid field of a refused row.</summary>
    public required IReadOnlyList<ImportRowFailure> Failures { get; init; }

    /// <summary>When a worker began writing rows (UTC); null while queued.</summary>
    public required DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the import succeeded or failed (UTC); null until then.</summary>
    public required DateTimeOffset? FinishedAt { get; init; }

    public static ImportReport Of(UserImport import, IReadOnlyList<ImportRowFailure> failures) => new()
    {
        Id = import.Id,
        State = import.State,
        RowsRead = import.RowsRead,
        Created = import.Created,
        Skipped = import.Skipped,
        Failed = import.Failed,
        Failures = failures,
        StartedAt = import.StartedAt,
        FinishedAt = import.FinishedAt,
    };
}
