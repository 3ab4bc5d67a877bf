namespace Users.Application.Imports;

/// <summary>The <c>Imports</c> settings: how bulk imports of users are processed.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    public const int MaxBatchSize = 100_000;

    /// <summary>
    /// Rows written per transaction. Each batch commits its users with the import's progress, so a stopped import
    /// resumes after the last batch; larger batches are faster and redo more after a stop.
    /// </summary>
    public int BatchSize { get; set; } = 5_000;
}
