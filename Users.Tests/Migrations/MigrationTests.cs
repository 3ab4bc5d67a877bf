using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Users.Tests.Support;

namespace Users.Tests.Migrations;

/// <summary>The migrations are the schema: they match the model and walk up and down cleanly.</summary>
public sealed class MigrationTests
{
    [Test]
    public async Task Model_has_no_changes_missing_from_the_migrations()
    {
        await using var db = TestDatabase.CreateContext(TestDatabase.ConnectionString);

        var pending = db.Database.HasPendingModelChanges();

        Assert.That(pending, Is.False, "Run: dotnet ef migrations add <Name> --project Users.Infrastructure --startup-project Users.Api");
    }

    [Test]
    public async Task Every_migration_goes_up_down_and_up_again_from_an_empty_database()
    {
        var connectionString = TestDatabase.Sibling("stairway");
        await TestDatabase.DropIfExistsAsync(connectionString);
        await TestDatabase.CreateIfMissingAsync(connectionString);
        await using var db = TestDatabase.CreateContext(connectionString);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        Assert.That(migrations, Is.Not.Empty);

        try
        {
            var previous = Migration.InitialDatabase;
            foreach (var migration in migrations)
            {
                await migrator.MigrateAsync(migration);
                await migrator.MigrateAsync(previous);
                await migrator.MigrateAsync(migration);
                previous = migration;
            }

            var applied = await db.Database.GetAppliedMigrationsAsync();
            Assert.That(applied, Is.EqualTo(migrations));
            Assert.That(await TableExistsAsync(connectionString, "users"), Is.True);
        }
        finally
        {
            await TestDatabase.DropIfExistsAsync(connectionString);
        }
    }

    [Test]
    public async Task Idempotent_script_applies_cleanly_twice()
    {
        var connectionString = TestDatabase.Sibling("script");
        await TestDatabase.DropIfExistsAsync(connectionString);
        await TestDatabase.CreateIfMissingAsync(connectionString);
        await using var db = TestDatabase.CreateContext(connectionString);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        try
        {
            await ExecuteAsync(connectionString, script);
            await ExecuteAsync(connectionString, script);

            var applied = await db.Database.GetAppliedMigrationsAsync();
            Assert.That(applied, Is.EqualTo(db.Database.GetMigrations()));
            Assert.That(await TableExistsAsync(connectionString, "users"), Is.True);
        }
        finally
        {
            await TestDatabase.DropIfExistsAsync(connectionString);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection) { Parameters = { new() { Value = table } } };
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
