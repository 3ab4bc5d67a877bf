using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Users.Api.RateLimiting;
using Users.Infrastructure.Jobs;
using Users.Tests.Security;
using Users.Tests.Support;

namespace Users.Tests.Cluster;

/// <summary>
/// A node whose Redis is unreachable, from the start or under way (a TCP proxy between node and Redis resets every
/// connection, so nothing is mocked): every request is still answered, by the node's own limiter, never with a 5xx; the
/// node says so once in its log (not once per request), counts each such request in its metric, and its readiness
/// stays 200 but Degraded; once Redis is back the budgets are shared again.
/// </summary>
public sealed class RedisOutageTests : DatabaseTest
{
    private const int PerAddress = 3;
    private const string Peer = "198.51.100.7";

    /// <summary>Nothing listens on port 1, so every connection attempt is refused.</summary>
    private const string UnreachableRedis = "127.0.0.1:1";

    private CapturingLoggerProvider _logs = null!;

    [SetUp]
    public async Task StartAsync()
    {
        await TestRedis.EnsureRunningAsync();
        await TestRedis.FlushAsync();
        _logs = new CapturingLoggerProvider();
    }

    [TearDown]
    public void StopCapturing() => _logs.Dispose();

    [Test]
    public async Task A_node_whose_Redis_never_answers_limits_on_its_own_and_warns_once()
    {
        await using var node = Node(UnreachableRedis);
        using var client = node.Anonymous();
        using var fallbacks = new CounterReading(node.Services, RateLimitFallbacks.MeterName, RateLimitFallbacks.CounterName);

        await SpendBudgetAsync(client, from: 1, to: PerAddress);
        using var over = await client.AttemptFromAsync(AuthCalls.Token, PerAddress + 1, Peer);

        await RateLimitAssert.IsTooManyRequestsAsync(over);
        using (Assert.EnterMultipleScope())
        {
            // Each sign-in within budget checks two budgets (its address's and its email's), the refused one its address's only.
            Assert.That(fallbacks.Total, Is.EqualTo((2 * PerAddress) + 1), "every check counted locally is in the metric");
            Assert.That(FallbackWarnings(), Has.Count.EqualTo(1), "one warning, not one per request");
            Assert.That(await NodeReadiness.ReadAsync(node), Is.EqualTo((HttpStatusCode.OK, "Degraded")));
        }
    }

    [Test]
    public async Task A_node_whose_Redis_goes_away_limits_on_its_own_and_shares_again_once_it_is_back()
    {
        await using var proxy = new TcpProxy("127.0.0.1", TestRedis.Port);
        await using var node = Node(TestRedis.SettingFor($"127.0.0.1:{proxy.Port}"));
        using var client = node.Anonymous();
        await NodeReadiness.UntilSharingAsync(node);
        await SpendBudgetAsync(client, from: 1, to: 1);

        // The node's own window starts full: a whole budget more, then 429.
        await proxy.BreakAsync();
        await SpendBudgetAsync(client, from: 2, to: PerAddress + 1);
        using var overLocally = await client.AttemptFromAsync(AuthCalls.Token, PerAddress + 2, Peer);

        await RateLimitAssert.IsTooManyRequestsAsync(overLocally);
        Assert.That(FallbackWarnings(), Has.Count.EqualTo(1), "one warning, not one per request");

        proxy.Restore();
        await Poll.UntilAsync(() => NodeReadiness.ReadAsync(node), seen => seen == (HttpStatusCode.OK, "Healthy"), "the node to reconnect to Redis");

        // The node's own window is spent, so a whole budget answered from here on is Redis's. (Redis starts empty: what
        // it counted while the proxy was breaking connections depends on when each break showed.)
        await TestRedis.FlushAsync();
        await SpendBudgetAsync(client, from: PerAddress + 3, to: (2 * PerAddress) + 2);
        using var overShared = await client.AttemptFromAsync(AuthCalls.Token, (2 * PerAddress) + 3, Peer);

        await RateLimitAssert.IsTooManyRequestsAsync(overShared);
        Assert.That(
            _logs.Logs.Where(log => log.Category == typeof(RateLimitFallbacks).FullName && log.Level == LogLevel.Information),
            Has.Exactly(1).Items,
            "the node says once that the budgets are shared again");
    }

    private UsersApiFactory Node(string redis) => new(
        TestDatabase.ConnectionString,
        new Dictionary<string, string?>
        {
            ["Jobs:Role"] = nameof(JobRole.Api),
            ["RateLimits:Redis"] = redis,
            // Windows far longer than a test: a budget that renewed mid-test would pass a request the test expects refused.
            ["RateLimits:PerClientIp:Window"] = "01:00:00",
            ["RateLimits:PerEmail:Window"] = "01:00:00",
            ["RateLimits:PerClientIp:PermitLimit"] = PerAddress.ToString(CultureInfo.InvariantCulture),
        },
        services => services.AddLogging(logging => logging
            .AddProvider(_logs)
            .AddFilter<CapturingLoggerProvider>(typeof(RateLimitFallbacks).FullName, LogLevel.Information)));

    /// <summary>Sign-ins from <see cref="Peer"/> that are within budget: each answered by the endpoint (401), none by a 5xx.</summary>
    private static async Task SpendBudgetAsync(HttpClient client, int from, int to)
    {
        for (var attempt = from; attempt <= to; attempt++)
        {
            using var response = await client.AttemptFromAsync(AuthCalls.Token, attempt, Peer);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {attempt}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private List<CapturedLog> FallbackWarnings() =>
        [.. _logs.Logs.Where(log => log.Category == typeof(RateLimitFallbacks).FullName && log.Level == LogLevel.Warning)];
}
