using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Users.Api.RateLimiting;

/// <summary>
/// Part of readiness that never fails it: a node whose Redis is gone still limits, per node, so it should keep its
/// traffic. Degraded (still 200) says the budgets are not shared right now: this node is not connected to Redis.
/// </summary>
public sealed class RedisRateLimitHealthCheck(IOptions<RateLimitOptions> options, RedisRateLimitConnection connection) : IHealthCheck
{
    public const string Name = "rate-limit-redis";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !options.Value.IsShared ? HealthCheckResult.Healthy("Auth rate limits are counted per node (RateLimits:Redis is not set).")
            : connection.IsConnected ? HealthCheckResult.Healthy("Auth rate limits are shared through Redis.")
            : HealthCheckResult.Degraded("Redis cannot be asked: auth rate limits are counted per node until it can."));
}
