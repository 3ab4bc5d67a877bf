namespace Users.Api.RateLimiting;

/// <summary>A request over a budget that only an action can check (one keyed by a body field); answered with 429.</summary>
public sealed class RateLimitRejectedException(TimeSpan? retryAfter) : Exception("Too many requests.")
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
