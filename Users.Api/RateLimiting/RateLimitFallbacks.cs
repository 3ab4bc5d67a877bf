using System.Diagnostics.Metrics;

namespace Users.Api.RateLimiting;

/// <summary>
/// Tells when the shared budgets are not shared: each check of a budget (a request's address, a sign-in's email) counted
/// on this node because Redis could not be asked adds one to the <see cref="CounterName"/> counter of the
/// <see cref="MeterName"/> meter, and the log gets one warning per <see cref="WarningInterval"/> at most (with how many
/// checks fell back since the last one), not one per request;
/// when Redis answers again, one line says so.
/// </summary>
public sealed partial class RateLimitFallbacks
{
    public const string MeterName = "Users";

    public const string CounterName = "users.rate_limit.redis_fallbacks";

    public static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly Counter<long> _fallbacks;
    private readonly TimeProvider _clock;
    private readonly ILogger<RateLimitFallbacks> _logger;
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastWarning;
    private long _sinceLastWarning;
    private volatile bool _fallingBack;

    public RateLimitFallbacks(IMeterFactory meters, TimeProvider clock, ILogger<RateLimitFallbacks> logger)
    {
        _fallbacks = meters.Create(MeterName).CreateCounter<long>(
            CounterName, unit: "{check}", description: "Auth rate-limit checks counted on this node because Redis could not be asked");
        _clock = clock;
        _logger = logger;
    }

    /// <summary>A check counted on this node; <paramref name="reason"/> names what went wrong (no secrets).</summary>
    public void FellBack(string reason)
    {
        _fallbacks.Add(1);
        long checks;
        lock (_gate)
        {
            _fallingBack = true;
            _sinceLastWarning++;
            var now = _clock.GetUtcNow();
            if (_lastWarning is { } last && now - last < WarningInterval)
            {
                return;
            }

            _lastWarning = now;
            checks = _sinceLastWarning;
            _sinceLastWarning = 0;
        }

        LogFellBack(_logger, reason, checks);
    }

    /// <summary>A check counted in Redis.</summary>
    public void Shared()
    {
        if (!_fallingBack)
        {
            return;
        }

        lock (_gate)
        {
            if (!_fallingBack)
            {
                return;
            }

            _fallingBack = false;
            _lastWarning = null;
            _sinceLastWarning = 0;
        }

        LogSharedAgain(_logger);
    }

    [LoggerMessage(LogLevel.Warning, "Redis could not be asked ({Reason}): auth rate limits are counted on this node, {Checks} checks since the last warning")]
    private static partial void LogFellBack(ILogger logger, string reason, long checks);

    [LoggerMessage(LogLevel.Information, "Redis answers again: auth rate limits are shared by every node")]
    private static partial void LogSharedAgain(ILogger logger);
}
