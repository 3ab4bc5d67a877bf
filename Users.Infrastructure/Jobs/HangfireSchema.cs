using Hangfire.PostgreSql;
using Npgsql;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// Creates or upgrades Hangfire's tables in their schema: Hangfire.PostgreSql's own installer (what its
/// PrepareSchemaIfNecessary runs), one node at a time. Unguarded, nodes starting together on a new database race on
/// <c>CREATE SCHEMA</c> and <c>CREATE TABLE</c> and all but one fail; here they queue on an advisory lock, and each
/// after the first finds every version applied. Running it again is harmless.
/// </summary>
public static class HangfireSchema
{
    /// <summary>An arbitrary advisory-lock key for this one purpose ("UsersHfs" in ASCII).</summary>
    private const long InstallLock = 0x5573_6572_7348_6673;

    public static async Task PrepareAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken);
        try
        {
            // Synchronous: the installer has no async form. It runs once per start, a few dozen short statements.
            PostgreSqlObjectsInstaller.Install(connection, schema);
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = InstallLock } } };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
