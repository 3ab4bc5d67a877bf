using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Users.Api.RateLimiting;

/// <summary>
/// The node's one connection to the Redis that holds the shared rate-limit budgets (<c>RateLimits:Redis</c>), opened
/// before the server takes requests. It never stops the node: a Redis that is down at start-up or goes away later
/// leaves <see cref="Multiplexer"/> disconnected, StackExchange.Redis reconnects in the background, and meanwhile the
/// limiters count locally. Commands fail at once while it is disconnected (no backlog) and give up after a short time
/// when Redis does not answer, so a Redis in trouble costs a request little.
/// </summary>
public sealed partial class RedisRateLimitConnection(IOptions<RateLimitOptions> options, ILogger<RedisRateLimitConnection> logger)
    : IHostedLifecycleService, IAsyncDisposable
{
    /// <summary>How long connecting may take, unless the configuration string says (<c>connectTimeout=</c>).</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How long one command may take, unless the configuration string says (<c>syncTimeout=</c>, <c>asyncTimeout=</c>).</summary>
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromMilliseconds(500);

    private ConnectionMultiplexer? _multiplexer;

    /// <summary>The connection, once opened; null when the budgets are not shared or before start-up.</summary>
    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    /// <summary>Whether Redis can be asked now.</summary>
    public bool IsConnected => _multiplexer?.IsConnected is true;

    /// <summary>The client's settings: the configuration string's, with the defaults above where it says nothing.</summary>
    public static ConfigurationOptions ClientOptions(string configuration)
    {
        var client = ConfigurationOptions.Parse(configuration);
        var said = configuration.Split(',')
            .Select(part => part.Split('=', 2)[0].Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        // A node must start, and answer, whether or not Redis does.
        client.AbortOnConnectFail = false;
        client.BacklogPolicy = BacklogPolicy.FailFast;
        if (!said.Contains("connectTimeout"))
        {
            client.ConnectTimeout = (int)DefaultConnectTimeout.TotalMilliseconds;
        }

        if (!said.Contains("syncTimeout"))
        {
            client.SyncTimeout = (int)DefaultCommandTimeout.TotalMilliseconds;
        }

        if (!said.Contains("asyncTimeout"))
        {
            client.AsyncTimeout = (int)DefaultCommandTimeout.TotalMilliseconds;
        }

        return client;
    }

    /// <summary>Connects before any hosted service starts, so the server's first requests find the connection.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsShared)
        {
            return;
        }

        var client = ClientOptions(settings.Redis!);
        _multiplexer = await ConnectionMultiplexer.ConnectAsync(client);
        if (_multiplexer.IsConnected)
        {
            LogConnected(logger, Endpoints(client));
        }
        else
        {
            LogUnreachable(logger, Endpoints(client));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }
    }

    [LoggerMessage(LogLevel.Information, "Auth rate limits are shared through Redis at {Endpoints}")]
    private static partial void LogConnected(ILogger logger, string endpoints);

    [LoggerMessage(LogLevel.Warning, "Redis at {Endpoints} does not answer; auth rate limits are counted on this node until it does")]
    private static partial void LogUnreachable(ILogger logger, string endpoints);

    // Only the addresses: the configuration string may hold a password.
    private static string Endpoints(ConfigurationOptions client) => string.Join(", ", client.EndPoints.Select(endpoint => endpoint.ToString()));
}
