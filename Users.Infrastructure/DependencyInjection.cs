using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Users.Application.Accounts;
using Users.Application.Common;
using Users.Application.Imports;
using Users.Application.Users;
using Users.Infrastructure.Accounts;
using Users.Infrastructure.Imports;
using Users.Infrastructure.Persistence;
using Users.Infrastructure.Users;

namespace Users.Infrastructure;

public static class DependencyInjection
{
    public const string ReadyTag = "ready";

    /// <summary>Registers the database, the repositories, the unit of work, the password hasher and the database health check.</summary>
    public static IServiceCollection AddUsersInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure(options =>
            {
                configuration.GetSection(DatabaseOptions.Section).Bind(options);
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        // Pooled contexts: a request rents a ready-made context instead of building one.
        services.AddDbContextPool<UsersDbContext>((provider, options) =>
            UsersDbContextOptions.Configure(
                options, ServiceConnectionString.From(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!)));
        services.AddSingleton<CompiledUserQueries>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IRefreshTokenRepository, RefreshTokenRepository>();
        services.AddScoped<IUserImportRepository, UserImportRepository>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();

        services.AddHealthChecks().AddDbContextCheck<UsersDbContext>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Applies pending migrations when <c>Database:MigrateOnStartup</c> is true.</summary>
    public static async Task MigrateUsersDatabaseIfEnabledAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UsersDbContext>().Database.MigrateAsync(cancellationToken);
    }
}
