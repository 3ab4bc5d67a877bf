using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Users.Infrastructure.Persistence;
using Users.Tests.Support;

namespace Users.Tests.Api;

/// <summary>
/// While the database is unreachable, the log gets one warning with the cause per interval, not a stack trace for each
/// request, readiness probe, poll and job that fails for that reason.
/// </summary>
public sealed class DatabaseOutageLogTests
{
    /// <summary>Nothing listens on port 1, so every connection attempt is refused.</summary>
    private const string UnreachableDatabase = "Host=127.0.0.1;Port=1;Database=x;Username=postgres;Timeout=2";

    private static readonly string OutageCategory = typeof(DatabaseOutageLog).FullName!;

    private CapturingLoggerProvider _logs = null!;
    private UsersApiFactory _app = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void StartAppWithoutDatabase()
    {
        _logs = new CapturingLoggerProvider();
        _app = new UsersApiFactory(UnreachableDatabase, services: services => services.AddLogging(logging => logging.AddProvider(_logs)));
        _client = _app.AsAdmin();
    }

    [TearDown]
    public async Task StopAppAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _logs.Dispose();
    }

    [Test]
    public async Task Failing_requests_and_probes_make_one_warning_with_the_cause_and_no_stack_trace()
    {
        await FailRequestsAsync(4);

        var warnings = Warnings();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(warnings, Has.Count.EqualTo(1));
            Assert.That(warnings[0].State["Cause"] as string, Does.Contain("Failed to connect to 127.0.0.1:1"));
            Assert.That(_logs.Logs.Where(log => log.Level >= LogLevel.Warning && log.Exception is not null), Is.Empty);
        }
    }

    [Test]
    public async Task The_warning_comes_again_after_the_interval_counting_the_failures_in_between()
    {
        await FailRequestsAsync(4);

        _app.Clock.Advance(DatabaseOutageLog.Interval);
        await FailRequestsAsync(1);

        var warnings = Warnings();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(warnings, Has.Count.EqualTo(2));
            Assert.That((int)warnings[1].State["Unreported"]!, Is.GreaterThanOrEqualTo(7));
        }
    }

    /// <summary>Reads a user and probes readiness <paramref name="times"/> times each (two failures a time), checking both are 503s.</summary>
    private async Task FailRequestsAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var read = await _client.GetAsync($"{UsersClient.Path}/{Guid.CreateVersion7()}");
            using var probe = await _client.GetAsync("/health/ready");
            Assert.That((read.StatusCode, probe.StatusCode), Is.EqualTo((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable)));
        }
    }

    private List<CapturedLog> Warnings() => [.. _logs.Logs.Where(log => log.Category == OutageCategory && log.Level == LogLevel.Warning)];
}
