using Users.Domain.Common;

namespace Users.Domain.Imports;

/// <summary>
/// A bulk import of users from a CSV file: its rows are stored when the file arrives and written to the users in
/// batches afterwards. Each batch moves <see cref="LastRow"/> on in the same transaction as the users it wrote, so a
/// run that stops half-way resumes after the last batch that committed.
/// </summary>
public sealed class UserImport
{
    /// <summary>The header's row number; data rows start after it.</summary>
    public const int HeaderRow = 1;

    // For the persistence layer, which materialises imports without running the rules again.
    private UserImport()
    {
    }

    private UserImport(Guid id, Guid createdBy, int columnCount, DateTimeOffset now)
    {
        Id = id;
        CreatedBy = createdBy;
        ColumnCount = columnCount;
        LastRow = HeaderRow;
        State = ImportState.Queued;
        CreatedAt = ToStoredPrecision(now);
    }

    /// <summary>A UUIDv7, so imports sort by when they arrived.</summary>
    public Guid Id { get; private set; }

    /// <summary>The admin who sent the file.</summary>
    public Guid CreatedBy { get; private set; }

    /// <summary>How many columns the header names; a row with more fields than this is refused.</summary>
    public int ColumnCount { get; private set; }

    public ImportState State { get; private set; }

    /// <summary>The data rows stored from the file (blank lines are not rows).</summary>
    public int RowsRead { get; private set; }

    /// <summary>The number of the last row written or refused; the next batch starts after it.</summary>
    public int LastRow { get; private set; }

    /// <summary>Rows that became users.</summary>
    public int Created { get; private set; }

    /// <summary>Valid rows whose email was taken, by a stored user or an earlier row of the file.</summary>
    public int Skipped { get; private set; }

    /// <summary>Rows refused for invalid fields.</summary>
    public int Failed { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When the import succeeded or failed; its stored rows may be removed some time after.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    public bool IsFinished => State is ImportState.Succeeded or ImportState.Failed;

    /// <summary>Rows written or refused so far.</summary>
    public int RowsProcessed => Created + Skipped + Failed;

    public static UserImport Queue(Guid createdBy, int columnCount, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columnCount);
        return new UserImport(UuidV7.Create(now), createdBy, columnCount, now);
    }

    /// <summary>Says how many rows of the file were stored, once they all are and before any is processed.</summary>
    public void Staged(int rowsRead)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowsRead);
        if (State != ImportState.Queued || RowsProcessed > 0)
        {
            throw new InvalidOperationException($"Import {Id} is under way; its rows are counted.");
        }

        RowsRead = rowsRead;
    }

    /// <summary>
    /// Counts a batch of rows up to <paramref name="lastRow"/>; the first batch starts the import, and the one that
    /// accounts for the last row finishes it.
    /// </summary>
    public void RecordBatch(int lastRow, int created, int skipped, int failed, DateTimeOffset now)
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"Import {Id} is {State}; it takes no more rows.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(lastRow, LastRow);
        ArgumentOutOfRangeException.ThrowIfNegative(created);
        ArgumentOutOfRangeException.ThrowIfNegative(skipped);
        ArgumentOutOfRangeException.ThrowIfNegative(failed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(created + skipped + failed, RowsRead - RowsProcessed);

        Start(now);
        LastRow = lastRow;
        Created += created;
        Skipped += skipped;
        Failed += failed;
        if (RowsProcessed == RowsRead)
        {
            State = ImportState.Succeeded;
            FinishedAt = ToStoredPrecision(now);
        }
    }

    /// <summary>Gives up: the rows written so far stay, and no worker takes the import again.</summary>
    public void Fail(DateTimeOffset now)
    {
        if (IsFinished)
        {
            return;
        }

        Start(now);
        State = ImportState.Failed;
        FinishedAt = ToStoredPrecision(now);
    }

    private void Start(DateTimeOffset now)
    {
        if (State == ImportState.Queued)
        {
            State = ImportState.Running;
            StartedAt = ToStoredPrecision(now);
        }
    }

    // Stores keep microseconds; truncating here makes a write's response equal to a later read.
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
}
