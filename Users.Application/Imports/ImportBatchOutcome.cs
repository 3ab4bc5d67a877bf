namespace Users.Application.Imports;

/// <summary>What one committed batch of an import wrote, and whether rows remain.</summary>
public readonly record struct ImportBatchOutcome(int Created, int Skipped, int Failed, bool RowsRemain)
{
    /// <summary>Nothing written, nothing left: the import is finished, given up or unknown.</summary>
    public static ImportBatchOutcome Finished { get; } = new(0, 0, 0, RowsRemain: false);
}
