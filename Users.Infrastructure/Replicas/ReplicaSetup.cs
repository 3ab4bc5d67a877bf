using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Users.Infrastructure.Jobs;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Replicas;

public static class ReplicaSetup
{
    /// <summary>
    /// List and search reads on <c>ConnectionStrings:UsersReplica</c> when it is set: the monitor that measures its lag,
    /// its readiness entry and its metrics. Without it, or on a <see cref="JobRole.Worker"/> node, every read stays on the
    /// primary and nothing here runs.
    /// </summary>
    public static IServiceCollection AddReplicaReads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ReplicaState>();
        services.AddSingleton<ReplicaMetrics>();
        // A worker takes no client traffic, so it serves no lists: it leaves the replica alone (no monitor, no connections).
        var role = configuration.GetSection(JobsOptions.Section).GetValue<JobRole?>(nameof(JobsOptions.Role));
        var hasReplica = role != JobRole.Worker
            && !string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseOptions.ReplicaConnectionStringName));
        if (hasReplica)
        {
            services.AddSingleton<ReplicaMonitor>();
            services.AddHostedService(provider => provider.GetRequiredService<ReplicaMonitor>());
            services.AddHealthChecks().AddCheck<ReplicaHealthCheck>("replica", tags: [DependencyInjection.ReadyTag]);
        }

        services.AddSingleton(provider => new ReplicaReads(
            hasReplica ? provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ReplicaConnectionString : null,
            provider.GetRequiredService<AutoMapper.IConfigurationProvider>(),
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<ReplicaState>(),
            provider.GetRequiredService<ReplicaMetrics>(),
            hasReplica ? provider.GetRequiredService<ReplicaMonitor>() : null));
        return services;
    }
}
