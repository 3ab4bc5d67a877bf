using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.RateLimiting;
using Users.Application.Common;

namespace Users.Api.RateLimiting;

/// <summary>
/// Requests refused with 429, by the budget they ran out of: a per-address policy of <see cref="AuthRateLimits"/>
/// (<c>sign-in</c>, <c>sign-up</c>, ...) or <see cref="PerEmail"/>. ASP.NET Core's own rate-limiting meter sees only
/// the per-address policies; the per-email budget is checked by an action filter.
/// </summary>
public sealed class RateLimitMetrics
{
    public const string PerEmail = "per-email";

    private readonly Counter<long> _rejections;

    public RateLimitMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _rejections = meters.Create(UsersMeter.Name).CreateCounter<long>(
            "users.rate_limit.rejections", unit: "{request}", description: "Requests refused with 429 Too Many Requests, by rate-limit policy.");
    }

    /// <summary>A request refused by the rate limiter's policy of its endpoint.</summary>
    public void Rejected(HttpContext context) =>
        Rejected(context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "unknown");

    public void Rejected(string policy) => _rejections.Add(1, new KeyValuePair<string, object?>("policy", policy));
}
