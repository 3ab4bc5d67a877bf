using Microsoft.EntityFrameworkCore;
using Users.Tests.Support;

namespace Users.Tests.Api;

/// <summary>Database:MigrateOnStartup decides whether the service brings the schema up to date as it starts.</summary>
public sealed class StartupMigrationTests
{
    private static readonly string EmptyDatabase = TestDatabase.Sibling("startup");

    [SetUp]
    public async Task CreateEmptyDatabaseAsync()
    {
        await TestDatabase.DropIfExistsAsync(EmptyDatabase);
        await TestDatabase.CreateIfMissingAsync(EmptyDatabase);
    }

    [TearDown]
    public Task DropDatabaseAsync() => TestDatabase.DropIfExistsAsync(EmptyDatabase);

    [Test]
    public async Task Service_applies_pending_migrations_at_start_up_when_MigrateOnStartup_is_true()
    {
        await StartAsync(migrateOnStartup: true);

        await using var db = TestDatabase.CreateContext(EmptyDatabase);
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
    }

    [Test]
    public async Task Service_leaves_the_schema_alone_when_MigrateOnStartup_is_false()
    {
        await StartAsync(migrateOnStartup: false);

        await using var db = TestDatabase.CreateContext(EmptyDatabase);
        Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.Empty);
    }

    private static async Task StartAsync(bool migrateOnStartup)
    {
        await using var factory = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = EmptyDatabase,
            ["Database:MigrateOnStartup"] = migrateOnStartup ? "true" : "false",
        });
        factory.CreateClient().Dispose();
    }
}
