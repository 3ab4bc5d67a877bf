namespace Users.Infrastructure.Jobs;

/// <summary>The <c>Jobs:Outbox</c> settings: how the dispatcher drains committed outbox messages into Hangfire.</summary>
public sealed class OutboxOptions
{
    /// <summary>
    /// How often the dispatcher looks for messages no commit of this node told it about: those committed by a node that
    /// died before it dispatched them. A commit on this node wakes it at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages claimed, enqueued and marked dispatched in one transaction.</summary>
    public int BatchSize { get; set; } = 100;
}
