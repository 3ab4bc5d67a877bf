using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Users.Infrastructure.Persistence;
using Users.Tests.Support;

namespace Users.Tests.Migrations;

/// <summary>The <c>dotnet ef</c> commands the README shows, run as a developer runs them.</summary>
[NonParallelizable]
public sealed class EfToolTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=configured_but_wrong;Username=postgres;Timeout=2";

    [Test]
    public void Design_time_factory_takes_the_connection_string_from_the_environment()
    {
        using var _ = new EnvironmentVariable("ConnectionStrings__Users", Unreachable);

        using var db = new UsersDbContextFactory().CreateDbContext([]);

        Assert.That(db.Database.GetConnectionString(), Is.EqualTo(Unreachable));
    }

    [Test]
    public void Design_time_context_has_no_command_timeout_so_index_builds_on_large_tables_finish()
    {
        using var db = new UsersDbContextFactory().CreateDbContext([]);

        Assert.That(db.Database.GetCommandTimeout(), Is.Zero, "0: no limit");
    }

    [Test]
    public async Task Database_update_applies_migrations_to_the_connection_given_explicitly()
    {
        var target = TestDatabase.Sibling("ef_update");
        await TestDatabase.DropIfExistsAsync(target);

        try
        {
            var result = await RunEfAsync($"database update --connection \"{target}\"");

            Assert.That(result.ExitCode, Is.Zero, result.Output);
            Assert.That(await AppliedMigrationCountAsync(target), Is.EqualTo(MigrationCount()));
        }
        finally
        {
            await TestDatabase.DropIfExistsAsync(target);
        }
    }

    [Test]
    public async Task Migrations_script_idempotent_prints_a_script_guarded_by_the_history_table()
    {
        var result = await RunEfAsync("migrations script --idempotent");

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Output, Does.Contain("CREATE TABLE users").And.Contain("IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\""));
    }

    private static int MigrationCount()
    {
        using var db = TestDatabase.CreateContext(TestDatabase.ConnectionString);
        return db.Database.GetMigrations().Count();
    }

    private static async Task<long> AppliedMigrationCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Runs <c>dotnet ef</c> from the repository root on the build the tests run from, with a configured connection
    /// string that must lose to any explicit one.
    /// </summary>
    private static async Task<(int ExitCode, string Output)> RunEfAsync(string arguments)
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var restore = await RunAsync(root, "tool restore");
        Assert.That(restore.ExitCode, Is.Zero, restore.Output);
        return await RunAsync(root,
            $"ef {arguments} --project Users.Infrastructure --startup-project Users.Api --configuration {configuration} --no-build");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Users"] = Unreachable, ["DOTNET_NOLOGO"] = "1" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Users.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Users.sln not found above the test output directory.");
    }
}
