using Microsoft.EntityFrameworkCore;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Jobs;

/// <summary>The outbox's queries: the dispatcher's claim of committed messages, and a job's read and mark of its message.</summary>
public sealed class OutboxRepository(UsersDbContext db)
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> committed, undispatched messages, oldest first, skipping those another
    /// node's dispatcher holds; gives each to <paramref name="enqueue"/> and records the job id it returns, all in one
    /// transaction. A crash before the commit leaves the messages undispatched: they are enqueued again later.
    /// </summary>
    /// <returns>How many messages were dispatched.</returns>
    public async Task<int> DispatchAsync(int batchSize, Func<OutboxMessage, string> enqueue, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var messages = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE dispatched_at IS NULL ORDER BY id LIMIT {batchSize} FOR UPDATE SKIP LOCKED")
            .AsTracking()
            .ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            message.MarkDispatched(enqueue(message), clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return messages.Count;
    }

    /// <summary>The message, or null when it was handled already or no longer exists.</summary>
    public Task<OutboxMessage?> FindUnprocessedAsync(Guid id, CancellationToken cancellationToken) =>
        db.OutboxMessages.FirstOrDefaultAsync(message => message.Id == id && message.ProcessedAt == null, cancellationToken);

    public Task MarkProcessedAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.OutboxMessages
            .Where(message => message.Id == id)
            .ExecuteUpdateAsync(message => message.SetProperty(m => m.ProcessedAt, now), cancellationToken);
}
