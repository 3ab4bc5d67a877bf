namespace Users.Application.Jobs;

/// <summary>
/// Does what one kind of outbox message asks, in a background job on a worker, with the app's services in a scope of its
/// own (as a request has). Two jobs never handle one message at the same time, and a message that was handled is not
/// handled again; but a crash after the handler finished and before that was recorded runs it once more, so its effect
/// must be idempotent, e.g. keyed by <c>messageId</c>. Throwing fails the attempt: the job is retried with back-off and
/// ends in Hangfire's Failed state, with the exception as the reason, once the retries are used up.
/// </summary>
public interface IOutboxMessageHandler<in TMessage>
    where TMessage : class
{
    Task HandleAsync(Guid messageId, TMessage message, CancellationToken cancellationToken);
}
