using System.Diagnostics.Metrics;
using Hangfire.States;
using Hangfire.Storage;
using Users.Application.Common;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// Counts the state changes of jobs this node makes, by job (<see cref="JobNames"/>) and state: <c>enqueued</c> (the
/// dispatcher or the scheduler), <c>processing</c>, <c>succeeded</c>, <c>failed</c>, <c>scheduled</c> (a retry) and
/// <c>deleted</c>. A filter rather than a gauge over Hangfire's monitoring API: no query per scrape, and each node
/// counts only its own work, so the sum over nodes is the truth.
/// </summary>
public sealed class JobMetrics : IApplyStateFilter
{
    private static readonly Dictionary<string, string> StateTags = new(StringComparer.Ordinal)
    {
        [EnqueuedState.StateName] = "enqueued",
        [ProcessingState.StateName] = "processing",
        [SucceededState.StateName] = "succeeded",
        [FailedState.StateName] = "failed",
        [ScheduledState.StateName] = "scheduled",
        [DeletedState.StateName] = "deleted",
        [AwaitingState.StateName] = "awaiting",
    };

    private readonly Counter<long> _jobs;

    public JobMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _jobs = meters.Create(UsersMeter.Name).CreateCounter<long>(
            "users.jobs", unit: "{job}", description: "Background jobs that entered a state on this node, by job and state.");
    }

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        _jobs.Add(
            1,
            new KeyValuePair<string, object?>("job", JobNames.Of(context.BackgroundJob.Job)),
            new KeyValuePair<string, object?>("state", StateTag(context.NewState.Name)));
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    /// <summary>Hangfire's own state names, in lower case as metric labels are.</summary>
    private static string StateTag(string state) => StateTags.GetValueOrDefault(state, "other");
}
