using Microsoft.Extensions.DependencyInjection;

namespace Users.Application.Jobs;

public static class OutboxRegistration
{
    /// <summary>
    /// Lets <typeparamref name="TMessage"/> be staged with <see cref="IOutbox.Add{TMessage}"/> and has
    /// <typeparamref name="THandler"/> (scoped, from the job's scope) handle it in a job on <paramref name="queue"/>.
    /// <paramref name="name"/>, stored with each message, defaults to the type's name.
    /// </summary>
    public static IServiceCollection AddOutboxHandler<TMessage, THandler>(
        this IServiceCollection services, string queue = OutboxMessageType.DefaultQueue, string? name = null)
        where TMessage : class
        where THandler : class, IOutboxMessageHandler<TMessage>
    {
        name ??= typeof(TMessage).Name;
        if (!OutboxMessageType.IsQueueName(queue))
        {
            throw new ArgumentException($"'{queue}' is not a queue name: use lower-case letters, digits, '_' and '-'.", nameof(queue));
        }

        var registered = services.Select(service => service.ImplementationInstance).OfType<OutboxMessageType>();
        if (registered.FirstOrDefault(type => type.Name == name || type.MessageType == typeof(TMessage)) is { } clash)
        {
            throw new InvalidOperationException(
                $"The outbox message type {typeof(TMessage).Name} (stored as '{name}') clashes with {clash.MessageType.Name} (stored as '{clash.Name}').");
        }

        services.AddSingleton(OutboxMessageType.Of<TMessage>(name, queue));
        services.AddScoped<IOutboxMessageHandler<TMessage>, THandler>();
        return services;
    }
}
