using System.Text.Json;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// The Hangfire job of one outbox message, resolved from the job's own DI scope. It hands the message to its handler
/// unless it was handled already, and records that it was once the handler succeeds. A failure throws, for Hangfire to
/// retry and, once the retries are used up, to keep in its Failed state with the exception as the reason.
/// </summary>
public sealed partial class OutboxJob(
    IServiceProvider services, OutboxRepository outbox, OutboxMessageTypes types, OutboxMessageLocks locks, TimeProvider clock, ILogger<OutboxJob> logger)
{
    /// <param name="messageId">The outbox message.</param>
    /// <param name="type">Its type's stored name, for the dashboard and the logs.</param>
    /// <param name="cancellationToken">Hangfire's: cancelled when the server shuts down, the job then runs again later.</param>
    [JobDisplayName("Outbox: {1} {0}")]
    public async Task RunAsync(Guid messageId, string type, CancellationToken cancellationToken)
    {
        await using var held = await locks.AcquireAsync(messageId, cancellationToken);
        var message = await outbox.FindUnprocessedAsync(messageId, cancellationToken);
        if (message is null)
        {
            LogNothingToDo(messageId, type);
            return;
        }

        var messageType = types.Named(message.Type)
            ?? throw new InvalidOperationException($"No handler for outbox message type '{message.Type}' is registered on this node.");
        var payload = JsonSerializer.Deserialize(message.Payload, messageType.MessageType, Outbox.Json)
            ?? throw new InvalidOperationException($"Outbox message {messageId} has an empty payload.");
        await messageType.HandleAsync(services, messageId, payload, cancellationToken);
        // Not cancellable: once the handler has succeeded, a shutdown must not make it run again.
        await outbox.MarkProcessedAsync(messageId, clock.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>
    /// Enqueues the job of one message on the message's queue, with the trace context it was staged in (W3C
    /// <c>traceparent</c> and <c>tracestate</c>) for the job's span to continue; returns the job's id.
    /// </summary>
    public static string Enqueue(
        IBackgroundJobClientV2 jobs, Guid messageId, string type, string queue, string? traceParent = null, string? traceState = null) =>
        jobs.Create(
            Job.FromExpression<OutboxJob>(job => job.RunAsync(messageId, type, CancellationToken.None), queue),
            new EnqueuedState(),
            JobTracing.Parameters(traceParent, traceState));

    [LoggerMessage(LogLevel.Information, "Outbox message {MessageId} ({Type}) was handled already or no longer exists; nothing to do")]
    private partial void LogNothingToDo(Guid messageId, string type);
}
