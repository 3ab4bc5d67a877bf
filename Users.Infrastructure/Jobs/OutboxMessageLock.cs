using Npgsql;

namespace Users.Infrastructure.Jobs;

/// <summary>A held <see cref="OutboxMessageLocks"/> lock; disposing releases it and the connection.</summary>
public sealed class OutboxMessageLock(NpgsqlConnection connection, long key) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        try
        {
            // Not cancellable: a pooled connection is reset only when next used, and the lock must not wait for that.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = key } } };
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
