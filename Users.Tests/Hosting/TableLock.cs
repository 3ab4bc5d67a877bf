using Npgsql;
using Users.Tests.Support;

namespace Users.Tests.Hosting;

/// <summary>
/// A table of the test database locked against every other use (<c>ACCESS EXCLUSIVE</c>) until released: a database
/// that holds the service's statements as long as a test wants, and shows, in <c>pg_locks</c>, who waits on it.
/// </summary>
public sealed class TableLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _table;
    private NpgsqlTransaction? _transaction;

    private TableLock(NpgsqlConnection connection, string table)
    {
        _connection = connection;
        _table = table;
    }

    public static async Task<TableLock> TakeAsync(string table)
    {
        var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var tableLock = new TableLock(connection, table);
        tableLock._transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", connection, tableLock._transaction);
        await command.ExecuteNonQueryAsync();
        return tableLock;
    }

    /// <summary>How many statements wait for this table's lock now.</summary>
    public async Task<long> WaitersAsync()
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_locks
            WHERE NOT granted AND relation = $1::regclass
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """,
            _connection,
            _transaction)
        {
            Parameters = { new() { Value = _table } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until some statement waits for the lock.</summary>
    public Task WaitForWaiterAsync() =>
        Poll.UntilAsync(WaitersAsync, waiters => waiters > 0, $"a statement to wait for the lock on {_table}");

    /// <summary>Waits until no statement waits for the lock any more, without releasing it.</summary>
    public Task WaitForNoWaiterAsync() =>
        Poll.UntilAsync(WaitersAsync, waiters => waiters == 0, $"no statement to wait for the lock on {_table}");

    public async Task ReleaseAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _connection.DisposeAsync();
    }
}
