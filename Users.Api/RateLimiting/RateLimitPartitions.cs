using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Users.Api.RateLimiting;

/// <summary>
/// The fixed-window partitions of every auth budget: counted in this node's memory, or, with <c>RateLimits:Redis</c>
/// set, in Redis under <see cref="KeyPrefix"/> and the partition's key, with a local fallback.
/// </summary>
public sealed class RateLimitPartitions(IOptions<RateLimitOptions> options, RedisRateLimitConnection connection, RateLimitFallbacks fallbacks)
{
    /// <summary>Keeps the service's keys apart from anything else in the same Redis.</summary>
    public const string KeyPrefix = "users:";

    /// <summary>The partition of <paramref name="key"/>, which names the budget and the client (e.g. <c>sign-in:192.0.2.1</c>).</summary>
    public RateLimitPartition<string> FixedWindow(string key, FixedWindowLimit limit) =>
        options.Value.IsShared
            ? RateLimitPartition.Get(key, partition => new SharedFixedWindowLimiter(KeyPrefix + partition, limit, connection, fallbacks))
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
            });
}
