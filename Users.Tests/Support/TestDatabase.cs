using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Respawn;
using Respawn.Graph;
using Users.Infrastructure.Jobs;
using Users.Infrastructure.Persistence;

namespace Users.Tests.Support;

/// <summary>
/// The real PostgreSQL database the tests run against: created if missing, migrated with the app's own migrations,
/// given Hangfire's schema as the app prepares it, and emptied before every test: the app's tables by Respawn, and
/// Hangfire's jobs and their data (see <see cref="JobsReset"/>).
/// </summary>
public static class TestDatabase
{
    /// <summary>Hangfire's schema in the test settings (the default).</summary>
    public const string JobsSchema = "hangfire";

    /// <summary>
    /// Hangfire's data, emptied with DELETE, not TRUNCATE: the job servers of running test apps keep working on these
    /// tables, and row locks let them, where TRUNCATE's table locks would stall or deadlock them. Kept: the schema
    /// version, the registrations of live servers (they re-register, restarting their workers, when theirs vanishes)
    /// and the distributed locks their components hold. Queue entries go first, so no worker takes one whose job is gone.
    /// </summary>
    private const string JobsReset = $"""
        DELETE FROM {JobsSchema}.jobqueue;
        DELETE FROM {JobsSchema}.job;
        DELETE FROM {JobsSchema}.hash;
        DELETE FROM {JobsSchema}.list;
        DELETE FROM {JobsSchema}.set;
        DELETE FROM {JobsSchema}.counter;
        DELETE FROM {JobsSchema}.aggregatedcounter;
        """;

    private static Respawner? s_respawner;

    /// <summary>From <c>ConnectionStrings:UsersTests</c> in appsettings.Tests.json or <c>ConnectionStrings__UsersTests</c>.</summary>
    public static string ConnectionString { get; } = TestConfiguration.Root.GetConnectionString("UsersTests")
        ?? throw new InvalidOperationException("ConnectionStrings:UsersTests is not set.");

    public static async Task InitializeAsync()
    {
        await PrepareAsync(ConnectionString);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        s_respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("__EFMigrationsHistory")],
        });
    }

    /// <summary>Creates the database if it is missing, applies the migrations and prepares Hangfire's schema, as a node would.</summary>
    public static async Task PrepareAsync(string connectionString)
    {
        await CreateIfMissingAsync(connectionString);
        await using (var db = CreateContext(connectionString))
        {
            await db.Database.MigrateAsync();
        }

        await HangfireSchema.PrepareAsync(connectionString, JobsSchema, CancellationToken.None);
    }

    public static Task ResetAsync() => ResetAsync(ConnectionString);

    /// <summary>Empties this database or a prepared sibling (they share the tables, so one Respawner serves all).</summary>
    public static async Task ResetAsync(string connectionString)
    {
        var respawner = s_respawner ?? throw new InvalidOperationException("The test database is not initialised.");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await respawner.ResetAsync(connection);
        await using var jobs = new NpgsqlCommand(JobsReset, connection);
        await jobs.ExecuteNonQueryAsync();
    }

    public static UsersDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<UsersDbContext>();
        UsersDbContextOptions.Configure(options, connectionString);
        return new UsersDbContext(options.Options);
    }

    /// <summary>The connection string of a sibling database on the same server, for tests that need one of their own.</summary>
    public static string Sibling(string suffix) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = $"{Name}_{suffix}" }.ConnectionString;

    public static async Task CreateIfMissingAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var server = await OpenMaintenanceAsync(connectionString);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", server) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
    }

    public static async Task DropIfExistsAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var server = await OpenMaintenanceAsync(connectionString);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    private static async Task<NpgsqlConnection> OpenMaintenanceAsync(string connectionString)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
