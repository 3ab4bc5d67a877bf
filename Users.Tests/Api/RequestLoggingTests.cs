using System.Net.Http.Json;
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

    [Test]
    public async Task Health_probes_are_logged_at_debug_and_other_requests_at_information()
    {
        using var logs = new CapturingLoggerProvider();
        await using var factory = DebugLoggingApp(logs);
        using var client = factory.CreateClient();

        using (await client.GetAsync("/health/live"))
        using (await client.GetAsync("/openapi/v1.json"))
        {
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RequestLines(logs, "/health/live").Single().Level, Is.EqualTo(LogLevel.Debug));
            Assert.That(RequestLines(logs, "/openapi/v1.json").Single().Level, Is.EqualTo(LogLevel.Information));
        }
    }

    [Test]
    public async Task A_client_error_is_explained_at_debug_by_its_problem_and_the_fields_it_names_without_their_values()
    {
        const string password = "tiny secret";
        using var logs = new CapturingLoggerProvider();
        await using var factory = DebugLoggingApp(logs);
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(
            "/api/v1/auth/signup", new { email = "not an address", fullName = "Ada Lovelace", password }, UsersClient.Json);

        var explained = logs.Logs.Single(log => log.Category == RequestLogCategory && log.EventId == 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
            Assert.That(explained.Level, Is.EqualTo(LogLevel.Debug));
            Assert.That(explained.State["StatusCode"], Is.EqualTo(400));
            Assert.That(explained.State["Detail"], Is.EqualTo("See the errors for which fields are wrong and why."));
            Assert.That(explained.State["Fields"] as string, Does.Contain("email").And.Contain("password"));
            Assert.That(logs.Logs.SelectMany(log => log.State.Values).Select(value => value?.ToString()), Has.None.Contains(password));
        }
    }

    [Test]
    public async Task A_successful_request_gets_no_explanation()
    {
        using var logs = new CapturingLoggerProvider();
        await using var factory = DebugLoggingApp(logs);
        using var client = factory.CreateClient();

        using (await client.GetAsync("/health/live"))
        {
        }

        Assert.That(logs.Logs.Where(log => log.Category == RequestLogCategory && log.EventId == 2), Is.Empty);
    }

    /// <summary>A fresh app whose request log writes Debug too.</summary>
    private static ConfiguredApiFactory DebugLoggingApp(CapturingLoggerProvider logs) =>
        new(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
                [$"Logging:LogLevel:{RequestLogCategory}"] = "Debug",
            },
            logger: logs);

    private static List<CapturedLog> RequestLines(CapturingLoggerProvider logs, string path) =>
        [.. logs.Logs.Where(log => log.Category == RequestLogCategory && log.EventId == 1 && log.State.GetValueOrDefault("Path")?.ToString() == path)];

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
