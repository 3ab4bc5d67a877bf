using Users.Application.Jobs;

namespace Users.Infrastructure.Jobs;

/// <summary>The message types registered with <see cref="OutboxRegistration.AddOutboxHandler{TMessage, THandler}"/>, by type and by stored name.</summary>
public sealed class OutboxMessageTypes(IEnumerable<OutboxMessageType> types)
{
    private readonly Dictionary<Type, OutboxMessageType> _byType = types.ToDictionary(type => type.MessageType);
    private readonly Dictionary<string, OutboxMessageType> _byName = types.ToDictionary(type => type.Name, StringComparer.Ordinal);

    public OutboxMessageType Of(Type messageType) =>
        _byType.TryGetValue(messageType, out var type)
            ? type
            : throw new InvalidOperationException(
                $"{messageType.Name} is not an outbox message type: register it with AddOutboxHandler<{messageType.Name}, THandler>().");

    /// <summary>The type stored as <paramref name="name"/>, or null when this node does not know it (e.g. an older version).</summary>
    public OutboxMessageType? Named(string name) => _byName.GetValueOrDefault(name);
}
