using System.Text.Json;
using Microsoft.Extensions.Logging;
using Users.Tests.Support;

namespace Users.Tests.Api;

public sealed class RequestLoggingTests
{
    private const string RequestLogCategory = "Users.Api.Logging.RequestLog";

    [Test]
    public async Task Each_request_is_logged_once_with_method_path_status_duration_request_id_and_trace_id()
    {
        var (entries, _) = await GetUnknownUserAsync();

        Assert.That(entries, Has.Count.EqualTo(1));
        var entry = entries[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(entry.State["Method"], Is.EqualTo("GET"));
            Assert.That(entry.State["StatusCode"], Is.EqualTo(404));
            Assert.That(entry.State, Does.ContainKey("Duration"));
            Assert.That(entry.State.GetValueOrDefault("RequestId") as string, Is.Not.Null.And.Not.Empty);
            Assert.That(entry.State.GetValueOrDefault("TraceId") as string, Does.Match("^[0-9a-f]{32}$"));
        }
    }

    [Test]
    public async Task Request_log_carries_the_trace_id_the_problem_gives_the_client()
    {
        var (entries, problem) = await GetUnknownUserAsync();

        Assert.That(problem.TraceId, Does.Contain(entries.Single().State["TraceId"] as string));
    }

    /// <summary>Asks a fresh app for a user that does not exist; returns the request log lines for it and the 404 problem.</summary>
    private static async Task<(List<CapturedLog> Entries, Problem Problem)> GetUnknownUserAsync()
    {
        using var logs = new CapturingLoggerProvider();
        await using var factory = new ConfiguredApiFactory(
            new Dictionary<string, string?> { ["ConnectionStrings:Users"] = TestDatabase.ConnectionString }, logger: logs);
        using var client = factory.AsAdmin();
        var path = $"/api/v1/users/{Guid.CreateVersion7()}";

        using var response = await client.GetAsync(path);

        var problem = JsonSerializer.Deserialize<Problem>(await response.Content.ReadAsStringAsync(), UsersClient.Json)!;
        var entries = logs.Logs
            .Where(log => log.Category == RequestLogCategory && log.State.GetValueOrDefault("Path")?.ToString() == path)
            .ToList();
        return (entries, problem);
    }
}
