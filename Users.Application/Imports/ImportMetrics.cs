using System.Diagnostics.Metrics;
using Users.Application.Common;

namespace Users.Application.Imports;

/// <summary>Rows of imports written, by outcome, counted once their batch has committed.</summary>
public sealed class ImportMetrics
{
    public const string Created = "created";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    private const string OutcomeTag = "outcome";

    private readonly Counter<long> _rows;

    public ImportMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _rows = meters.Create(UsersMeter.Name).CreateCounter<long>(
            "users.import.rows",
            unit: "{row}",
            description: "Imported rows: created as users, skipped (the email was taken) or failed (invalid).");
    }

    public void Record(ImportBatchOutcome batch)
    {
        Add(batch.Created, Created);
        Add(batch.Skipped, Skipped);
        Add(batch.Failed, Failed);
    }

    private void Add(int rows, string outcome)
    {
        if (rows > 0)
        {
            _rows.Add(rows, new KeyValuePair<string, object?>(OutcomeTag, outcome));
        }
    }
}
