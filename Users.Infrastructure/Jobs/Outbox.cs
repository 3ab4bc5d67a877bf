using System.Diagnostics;
using System.Text.Json;
using Users.Application.Jobs;
using Users.Domain.Common;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Jobs;

/// <summary>Stages outbox messages on the request's context, so the unit of work commits them with the change.</summary>
public sealed class Outbox(UsersDbContext db, OutboxMessageTypes types, TimeProvider clock) : IOutbox
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Add<TMessage>(TMessage message)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = types.Of(typeof(TMessage));
        var now = clock.GetUtcNow();
        // The job's span continues the trace of whatever staged the message (the request, usually).
        var trace = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity : null;
        db.OutboxMessages.Add(new OutboxMessage(
            UuidV7.Create(now),
            type.Name,
            JsonSerializer.Serialize(message, type.MessageType, Json),
            type.Queue,
            now,
            trace?.Id,
            trace?.TraceStateString is { Length: > 0 and <= OutboxMessage.MaxTraceStateLength } traceState ? traceState : null));
    }
}
