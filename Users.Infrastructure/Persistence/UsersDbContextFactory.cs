using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;

namespace Users.Infrastructure.Persistence;

/// <summary>
/// Builds the context for <c>dotnet ef</c>. The connection string comes from the start-up project's appsettings and
/// the environment; one given with <c>--connection</c> is set by the tools after this runs, so it always wins.
/// </summary>
public sealed class UsersDbContextFactory : IDesignTimeDbContextFactory<UsersDbContext>
{
    public UsersDbContext CreateDbContext(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? "Development";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

        var options = new DbContextOptionsBuilder<UsersDbContext>();
        UsersDbContextOptions.Configure(options, configuration.GetConnectionString(DatabaseOptions.ConnectionStringName));
        var db = new UsersDbContext(options.Options);
        UsersDbContextOptions.AllowLongMigrations(db.Database);
        return db;
    }
}
