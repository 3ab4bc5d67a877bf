using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Users.Application.Accounts;
using Users.Application.CleanUp;
using Users.Application.Common;
using Users.Application.Idempotency;
using Users.Application.Imports;
using Users.Application.Jobs;
using Users.Application.Mail;
using Users.Application.Users;
using Users.Infrastructure.Accounts;
using Users.Infrastructure.CleanUp;
using Users.Infrastructure.Idempotency;
using Users.Infrastructure.Imports;
using Users.Infrastructure.Jobs;
using Users.Infrastructure.Mail;
using Users.Infrastructure.Persistence;
using Users.Infrastructure.Replicas;
using Users.Infrastructure.Users;

namespace Users.Infrastructure;

public static class DependencyInjection
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers the database, the repositories, the unit of work and the outbox it commits, the password hasher, the
    /// mail sender and the database health check.
    /// </summary>
    public static IServiceCollection AddUsersInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure(options =>
            {
                configuration.GetSection(DatabaseOptions.Section).Bind(options);
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
                options.ReplicaConnectionString = configuration.GetConnectionString(DatabaseOptions.ReplicaConnectionStringName);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        // Pooled contexts: a request rents a ready-made context instead of building one.
        services.AddDbContextPool<UsersDbContext>((provider, options) =>
            UsersDbContextOptions.Configure(
                options, ServiceConnectionString.From(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!)));
        services.AddHostedService<ConnectionSettingsLog>();
        services.AddSingleton<CompiledUserQueries>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IRefreshTokenRepository, RefreshTokenRepository>();
        services.AddScoped<IOneTimeTokenRepository, OneTimeTokenRepository>();
        services.AddScoped<IUserImportRepository, UserImportRepository>();
        services.AddScoped<IIdempotencyRepository, IdempotencyRepository>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IOutbox, Outbox>();
        services.AddSingleton<OutboxMessageTypes>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();

        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton<IMailSender, MailKitSender>();
        services.AddSingleton<MailMetrics>();
        services.AddSingleton<IPublicLinks, PublicLinks>();

        services.AddSingleton<DatabaseOutageLog>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        services.AddReplicaReads(configuration);
        return services;
    }

    /// <summary>
    /// Registers background jobs: Hangfire on PostgreSQL storage in the service's database (schema <c>Jobs:Schema</c>,
    /// prepared at start-up), a client that enqueues, this node's Hangfire server when <c>Jobs:Role</c> runs jobs, and
    /// the outbox dispatcher and job. Jobs are resolved from the app's container, in a scope per job, with filters and
    /// activator of this app rather than Hangfire's process-wide ones.
    /// </summary>
    public static IServiceCollection AddUsersJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();

        // Registered before AddHangfire, whose own registrations (process-wide statics) then stand back.
        services.AddSingleton<JobStorage>(provider =>
        {
            // Hangfire's serializer settings are process-wide; its configuration callback sets them before any use.
            provider.GetRequiredService<IGlobalConfiguration>();
            return CreateJobStorage(provider);
        });
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<JobMetrics>();
        services.AddSingleton(provider =>
            JobFilters.Create(provider.GetRequiredService<IOptions<JobsOptions>>().Value, provider.GetRequiredService<JobMetrics>()));
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<DatabaseOutageLog>())));

        services.AddSingleton(provider => new OutboxMessageLocks(JobsConnectionString.From(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!)));
        services.AddScoped<OutboxRepository>();
        services.AddScoped<OutboxJob>();

        // In this order: the schema is prepared before the server and the dispatcher start.
        services.AddSingleton<HangfireSchemaSetup>();
        services.AddHostedService(provider => provider.GetRequiredService<HangfireSchemaSetup>());
        services.AddHostedService<JobServer>();
        services.AddHostedService<OutboxDispatcher>();

        services.AddSingleton<IValidateOptions<CleanUpOptions>, CleanUpScheduleValidator>();
        services.AddScoped<ICleanUpRepository, CleanUpRepository>();
        services.AddScoped<CleanUpJob>();
        services.AddHostedService<RecurringJobsSetup>();
        return services;
    }

    private static PostgreSqlStorage CreateJobStorage(IServiceProvider provider)
    {
        var jobs = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
        var storage = new PostgreSqlStorageOptions
        {
            SchemaName = jobs.Schema,
            // HangfireSchemaSetup runs the same installer, one node at a time.
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = jobs.QueuePollInterval,
            EnableLongPolling = jobs.EnableLongPolling,
            InvisibilityTimeout = jobs.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = jobs.DistributedLockTimeout,
        };
        var connectionString = JobsConnectionString.From(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!);
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storage), storage);
    }

    /// <summary>Applies pending migrations when <c>Database:MigrateOnStartup</c> is true.</summary>
    public static async Task MigrateUsersDatabaseIfEnabledAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<UsersDbContext>().Database;
        UsersDbContextOptions.AllowLongMigrations(database);
        await database.MigrateAsync(cancellationToken);
    }
}
