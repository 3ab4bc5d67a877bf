using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Users.Api.Hosting;

/// <summary>
/// Not ready once the service is stopping, so load balancers stop sending it requests during the drain: unhealthy, which
/// <c>/health/ready</c> answers with 503. (Degraded stays 200: a node whose Redis is away still serves, see
/// <c>RedisRateLimitHealthCheck</c>; and the health-check log category is at Critical, so a routine stop logs no error.)
/// </summary>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The service is stopping.")
            : HealthCheckResult.Healthy());
}
