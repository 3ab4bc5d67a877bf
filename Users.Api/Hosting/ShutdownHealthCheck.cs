using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Users.Api.Hosting;

/// <summary>
/// Not ready once the service is stopping, so load balancers stop sending it requests during the drain. The node still
/// works, so it reports <see cref="HealthStatus.Degraded"/>, which <c>/health/ready</c> answers with 503: a routine stop
/// is logged as a warning, not as the error an unhealthy check is.
/// </summary>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Degraded("The service is stopping.")
            : HealthCheckResult.Healthy());
}
