using System.Diagnostics;
using Hangfire.Server;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// A span around every job a worker runs, on the <see cref="SourceName"/> activity source. A job enqueued with a trace
/// context (an outbox message's: the request that staged it) continues that trace, so the request's span is the
/// parent of the job's even though a dispatcher enqueued it later and another node runs it; others start a trace.
/// </summary>
public sealed class JobTracing : IServerFilter
{
    public const string SourceName = "Users.Jobs";

    /// <summary>The job parameters that carry the W3C trace context, named after the HTTP headers that carry it.</summary>
    public const string TraceParentParameter = "traceparent";

    public const string TraceStateParameter = "tracestate";

    private const string ActivityItem = "Users.Jobs.Activity";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The job parameters that make its span continue this trace context; none without one.</summary>
    public static Dictionary<string, object> Parameters(string? traceParent, string? traceState)
    {
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(traceParent))
        {
            parameters[TraceParentParameter] = traceParent;
            if (!string.IsNullOrEmpty(traceState))
            {
                parameters[TraceStateParameter] = traceState;
            }
        }

        return parameters;
    }

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Source.HasListeners())
        {
            return;
        }

        var parent = ActivityContext.TryParse(
            context.GetJobParameter<string>(TraceParentParameter, allowStale: true),
            context.GetJobParameter<string>(TraceStateParameter, allowStale: true),
            isRemote: true,
            out var staged)
            ? staged
            : default;
        var job = context.BackgroundJob;
        var activity = Source.StartActivity($"job {JobNames.Of(job.Job)}", ActivityKind.Consumer, parent);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("job.id", job.Id);
        activity.SetTag("job.queue", job.Job.Queue);
        context.Items[ActivityItem] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Items.TryGetValue(ActivityItem, out var item) || item is not Activity activity)
        {
            return;
        }

        if (context.Exception is { } exception && !context.ExceptionHandled)
        {
            // The failure of the job's own code, not Hangfire's wrapper around it.
            var cause = exception is JobPerformanceException { InnerException: { } inner } ? inner : exception;
            activity.SetStatus(ActivityStatusCode.Error, cause.GetType().Name);
            activity.AddException(cause);
        }

        activity.Dispose();
    }
}
