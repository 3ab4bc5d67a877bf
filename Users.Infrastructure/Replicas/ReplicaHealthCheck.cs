using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Users.Infrastructure.Replicas;

/// <summary>
/// Readiness says how the replica is, without ever failing it: a node whose replica is away or behind still answers
/// every request from the primary, so it is Degraded (still 200), never Unhealthy.
/// </summary>
public sealed class ReplicaHealthCheck(ReplicaState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = state.Current;
        return Task.FromResult(status.Condition == ReplicaCondition.Serving
            ? HealthCheckResult.Healthy(status.Description)
            : HealthCheckResult.Degraded(status.Description));
    }
}
