using System.Net;
using Npgsql;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.Hosting;

/// <summary>
/// SIGTERM to the built service, as a real process: readiness turns 503 while it still serves (the drain), then it
/// stops taking requests, lets the request in flight finish, stops its job server and exits 0. The request is held in
/// flight by a lock on the users table that the test releases only after the service has stopped listening.
/// </summary>
[NonParallelizable]
public sealed class GracefulShutdownTests : DatabaseTest
{
    private const int Port = 5112;

    [Test]
    public async Task SIGTERM_turns_readiness_503_then_finishes_the_request_in_flight_and_exits_0()
    {
        await using var service = ServiceProcess.Start(Port, Path.GetTempPath(), Settings("Hosting:DrainTime", "00:00:02"));
        await service.WaitUntilServingAsync();
        await using var users = await TableLock.TakeAsync("users");
        using var client = service.CreateClient();
        var signUp = client.PostSignUpAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", password = AuthClient.Password });
        await users.WaitForWaiterAsync();

        await service.TerminateAsync();

        await Poll.UntilAsync(() => service.ProbeAsync("/health/ready"), status => status == HttpStatusCode.ServiceUnavailable, "readiness to turn 503", context: () => service.Output);
        var liveDuringDrain = await service.ProbeAsync("/health/live");
        await Poll.UntilAsync(() => service.ProbeAsync("/health/live"), status => status is null, "the service to stop taking requests", context: () => service.Output);
        var inFlightAfterListening = !signUp.IsCompleted;
        await users.ReleaseAsync();
        using var response = await signUp;
        var exitCode = await service.WaitForExitAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(liveDuringDrain, Is.EqualTo(HttpStatusCode.OK), "still serving during the drain");
            Assert.That(inFlightAfterListening, Is.True, "the sign-up was still in flight when the service stopped listening");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            Assert.That(exitCode, Is.Zero, service.Output);
        }
    }

    [Test]
    public async Task SIGTERM_stops_the_job_server_which_signs_off()
    {
        await using var service = ServiceProcess.Start(Port, Path.GetTempPath(), Settings("Jobs:Role", "Worker"));
        await service.WaitUntilServingAsync();
        await Poll.UntilAsync(() => JobServersOfAsync(service.Id), count => count == 1, "the service's job server to register", context: () => service.Output);

        await service.TerminateAsync();
        var exitCode = await service.WaitForExitAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, service.Output);
            Assert.That(await JobServersOfAsync(service.Id), Is.Zero, "a server that stops gracefully removes its registration");
        }
    }

    private static Dictionary<string, string?> Settings(string key, string value) => new() { [key] = value };

    /// <summary>Hangfire names its servers machine:process-id:guid.</summary>
    private static async Task<long> JobServersOfAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {TestDatabase.JobsSchema}.server WHERE id LIKE $1", connection)
        {
            Parameters = { new() { Value = $"%:{processId}:%" } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
