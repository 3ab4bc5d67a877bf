using System.Buffers.Binary;
using Npgsql;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// Keeps two jobs of one message (it was enqueued twice after a crash) from handling it at the same time: the second
/// waits, then finds it processed. A PostgreSQL session advisory lock, on a connection of its own held for as long as
/// the handler runs: no transaction stays open and no table is locked, and if the process dies the server drops the
/// lock with the connection. Keys are 64 bits of the message id; two messages sharing one only wait for each other.
/// </summary>
public sealed class OutboxMessageLocks(string connectionString)
{
    public async Task<OutboxMessageLock> AcquireAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var key = KeyOf(messageId);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new OutboxMessageLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The random low half of a UUIDv7.</summary>
    private static long KeyOf(Guid messageId)
    {
        Span<byte> bytes = stackalloc byte[16];
        messageId.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadInt64BigEndian(bytes[8..]);
    }
}
