using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Users.Application.Jobs;

/// <summary>
/// A kind of message the outbox carries: the name stored with each message, the Hangfire queue its jobs go to, and
/// how a job hands a message of it to its handler. Made by <see cref="OutboxRegistration.AddOutboxHandler{TMessage, THandler}"/>.
/// </summary>
public sealed partial class OutboxMessageType
{
    public const string DefaultQueue = "default";

    private readonly Func<IServiceProvider, Guid, object, CancellationToken, Task> _handle;

    private OutboxMessageType(string name, Type messageType, string queue, Func<IServiceProvider, Guid, object, CancellationToken, Task> handle)
    {
        Name = name;
        MessageType = messageType;
        Queue = queue;
        _handle = handle;
    }

    /// <summary>Stored with each message to find its type again: renaming the type must keep it.</summary>
    public string Name { get; }

    public Type MessageType { get; }

    public string Queue { get; }

    /// <summary>Hangfire's rule for queue names: lower-case letters, digits, underscores and dashes.</summary>
    public static bool IsQueueName(string? queue) => queue is not null && QueueName().IsMatch(queue);

    /// <summary>Resolves the handler from <paramref name="services"/> (the job's scope) and gives it the message.</summary>
    public Task HandleAsync(IServiceProvider services, Guid messageId, object message, CancellationToken cancellationToken) =>
        _handle(services, messageId, message, cancellationToken);

    internal static OutboxMessageType Of<TMessage>(string name, string queue)
        where TMessage : class =>
        new(name, typeof(TMessage), queue, (services, messageId, message, cancellationToken) =>
            services.GetRequiredService<IOutboxMessageHandler<TMessage>>().HandleAsync(messageId, (TMessage)message, cancellationToken));

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex QueueName();
}
