using Microsoft.Extensions.Configuration;
using Npgsql;
using NpgsqlTypes;

namespace Users.Tests.Support;

/// <summary>
/// A hot standby streaming from the test database's cluster: <c>scripts/test.sh</c> makes one (pg_basebackup) and
/// names it in <c>ConnectionStrings__UsersTestsReplica</c>. Its data is the primary's, by replication: the tests write
/// on the primary and wait for the replica to replay it.
/// </summary>
public static class TestReplica
{
    public static string ConnectionString { get; } = TestConfiguration.Root.GetConnectionString("UsersTestsReplica")
        ?? throw new InvalidOperationException(
            "ConnectionStrings:UsersTestsReplica is not set: scripts/test.sh starts a hot standby of the test cluster and sets it; " +
            "elsewhere, set ConnectionStrings__UsersTestsReplica to a streaming replica of ConnectionStrings__UsersTests' cluster.");

    /// <summary>
    /// Until the replica has replayed everything the primary had written when this was called: its insert position,
    /// since with asynchronous commit (test.sh's cluster) a committed transaction may not have reached the write one yet.
    /// </summary>
    public static async Task UntilCaughtUpAsync()
    {
        var written = await ScalarAsync<NpgsqlLogSequenceNumber>(TestDatabase.ConnectionString, "SELECT pg_current_wal_insert_lsn()");
        await Poll.UntilAsync(
            () => ScalarAsync<NpgsqlLogSequenceNumber>(ConnectionString, "SELECT pg_last_wal_replay_lsn()"),
            replayed => replayed >= written,
            "the replica to replay the primary's writes");
    }

    /// <summary>Stops the replica replaying WAL (it keeps receiving it), so it falls behind the primary.</summary>
    public static Task PauseReplayAsync() => ScalarAsync<object>(ConnectionString, "SELECT pg_wal_replay_pause()");

    public static Task ResumeReplayAsync() => ScalarAsync<object>(ConnectionString, "SELECT pg_wal_replay_resume()");

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
