using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Respawn;
using Respawn.Graph;
using Users.Infrastructure.Persistence;

namespace Users.Tests.Support;

/// <summary>
/// The real PostgreSQL database the tests run against: created if missing, migrated with the app's own migrations,
/// and emptied by Respawn before every test.
/// </summary>
public static class TestDatabase
{
    private static Respawner? s_respawner;

    /// <summary>From <c>ConnectionStrings:UsersTests</c> in appsettings.Tests.json or <c>ConnectionStrings__UsersTests</c>.</summary>
    public static string ConnectionString { get; } = TestConfiguration.Root.GetConnectionString("UsersTests")
        ?? throw new InvalidOperationException("ConnectionStrings:UsersTests is not set.");

    public static async Task InitializeAsync()
    {
        await CreateIfMissingAsync(ConnectionString);
        await using (var db = CreateContext(ConnectionString))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        s_respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("__EFMigrationsHistory")],
        });
    }

    public static async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await (s_respawner ?? throw new InvalidOperationException("The test database is not initialised.")).ResetAsync(connection);
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
