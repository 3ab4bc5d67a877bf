using Npgsql;
using Users.Tests.Support;

namespace Users.Tests.Admin;

/// <summary>
/// seed-admin applies no migrations, even where the service would at start-up: pointed at an empty database it
/// fails, and the database stays empty.
/// </summary>
[NonParallelizable]
public sealed class SeedAdminMigrationTests
{
    private static readonly string EmptyDatabase = TestDatabase.Sibling("seed");

    [SetUp]
    public async Task CreateEmptyDatabaseAsync()
    {
        await TestDatabase.DropIfExistsAsync(EmptyDatabase);
        await TestDatabase.CreateIfMissingAsync(EmptyDatabase);
    }

    [TearDown]
    public Task DropDatabaseAsync() => TestDatabase.DropIfExistsAsync(EmptyDatabase);

    [Test]
    public async Task Seed_admin_on_an_unmigrated_database_fails_saying_so_and_applies_no_migration()
    {
        var run = await SeedAdminProcess.RunAsync(
            ["--email", "boss@example.com"],
            "copper lantern quietly rowing",
            connectionString: EmptyDatabase,
            settings: new Dictionary<string, string> { ["Database__MigrateOnStartup"] = "true" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
            Assert.That(run.StandardError, Does.Contain("Apply the migrations first"));
            Assert.That(await TablesAsync(), Is.Empty);
        }
    }

    private static async Task<List<string>> TablesAsync()
    {
        await using var connection = new NpgsqlConnection(EmptyDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
