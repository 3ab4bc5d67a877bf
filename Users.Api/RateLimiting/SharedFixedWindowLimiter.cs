using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Users.Api.RateLimiting;

/// <summary>
/// One partition's fixed window (a client address on one endpoint, or an email), counted in Redis by RedisRateLimiting
/// so every node spends the same budget, and on this node alone whenever Redis cannot be asked (not connected, an
/// error, no answer in time): the request is still limited, by a local window of the same size, and never fails for
/// Redis's sake. Redis is asked asynchronously only, so the synchronous attempt always defers to it (as
/// RedisRateLimiting's own limiters do; ASP.NET Core's middleware then waits for the asynchronous one).
/// </summary>
public sealed class SharedFixedWindowLimiter : ReplenishingRateLimiter
{
    private static readonly RateLimitLease AskAsynchronously = new SharedLease(isAcquired: false, retryAfter: null);

    private readonly string _key;
    private readonly FixedWindowLimit _limit;
    private readonly RedisRateLimitConnection _connection;
    private readonly RateLimitFallbacks _fallbacks;
    private readonly FixedWindowRateLimiter _local;
    private RedisFixedWindowRateLimiter<string>? _shared;

    public SharedFixedWindowLimiter(string key, FixedWindowLimit limit, RedisRateLimitConnection connection, RateLimitFallbacks fallbacks)
    {
        _key = key;
        _limit = limit;
        _connection = connection;
        _fallbacks = fallbacks;
        _local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            // Replenished through this limiter by the partitioned limiter's timer, as its own partitions are.
            AutoReplenishment = false,
        });
    }

    public override TimeSpan? IdleDuration =>
        (_local.IdleDuration, _shared is null ? TimeSpan.MaxValue : _shared.IdleDuration) switch
        {
            ({ } local, { } shared) => local < shared ? local : shared,
            _ => null,
        };

    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => _local.ReplenishmentPeriod;

    public override bool TryReplenish() => _local.TryReplenish();

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => AskAsynchronously;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (Shared() is not { } shared)
        {
            _fallbacks.FellBack("not connected");
            return await _local.AcquireAsync(permitCount, cancellationToken);
        }

        try
        {
            using var lease = await shared.AcquireAsync(permitCount, cancellationToken);
            _fallbacks.Shared();
            return new SharedLease(
                lease.IsAcquired,
                lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(seconds) : null);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // RedisTimeoutException is a TimeoutException; connection and server errors are RedisExceptions.
            _fallbacks.FellBack(exception.GetType().Name);
            return await _local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
            _shared?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The Redis window, made on first use of a connected Redis (RedisRateLimiting takes the connection then).</summary>
    private RedisFixedWindowRateLimiter<string>? Shared()
    {
        if (!_connection.IsConnected || _connection.Multiplexer is not { } multiplexer)
        {
            return null;
        }

        if (_shared is { } shared)
        {
            return shared;
        }

        var created = new RedisFixedWindowRateLimiter<string>(_key, new RedisFixedWindowRateLimiterOptions
        {
            PermitLimit = _limit.PermitLimit,
            Window = _limit.Window,
            ConnectionMultiplexerFactory = () => multiplexer,
        });
        return Interlocked.CompareExchange(ref _shared, created, null) ?? created;
    }

    /// <summary>A lease of the Redis window, with its wait in the metadata every limiter of the service uses.</summary>
    private sealed class SharedLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == MetadataName.RetryAfter.Name && retryAfter is { } wait)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
