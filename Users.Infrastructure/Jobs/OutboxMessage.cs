namespace Users.Infrastructure.Jobs;

/// <summary>
/// A row of the outbox: work staged in the same transaction as the change it belongs to. The dispatcher enqueues a
/// Hangfire job for it once committed (<see cref="DispatchedAt"/>); the job records when its handler succeeded
/// (<see cref="ProcessedAt"/>), so a second job of the same message does nothing.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>W3C Trace Context's limit on a <c>tracestate</c> (32 members); a longer one is not kept.</summary>
    public const int MaxTraceStateLength = 512;

    // For the persistence layer.
    private OutboxMessage()
    {
        Type = string.Empty;
        Payload = string.Empty;
        Queue = string.Empty;
    }

    public OutboxMessage(
        Guid id, string type, string payload, string queue, DateTimeOffset createdAt, string? traceParent, string? traceState)
    {
        Id = id;
        Type = type;
        Payload = payload;
        Queue = queue;
        CreatedAt = createdAt;
        TraceParent = traceParent;
        TraceState = traceState;
    }

    /// <summary>A UUIDv7, so messages are dispatched about in the order they were staged.</summary>
    public Guid Id { get; private set; }

    /// <summary>The message type's stored name (<see cref="Application.Jobs.OutboxMessageType.Name"/>).</summary>
    public string Type { get; private set; }

    /// <summary>The message as JSON.</summary>
    public string Payload { get; private set; }

    /// <summary>The Hangfire queue its job goes to; stored so that any node can dispatch it, knowing its type or not.</summary>
    public string Queue { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The W3C <c>traceparent</c> of the activity that staged it, for a job's trace to continue the request's.</summary>
    public string? TraceParent { get; private set; }

    /// <summary>The W3C <c>tracestate</c> that came with <see cref="TraceParent"/>: vendors' data the trace carries along.</summary>
    public string? TraceState { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    /// <summary>The Hangfire job last enqueued for it.</summary>
    public string? JobId { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public void MarkDispatched(string jobId, DateTimeOffset now)
    {
        JobId = jobId;
        DispatchedAt = now;
    }
}
