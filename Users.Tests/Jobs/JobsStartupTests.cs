using Users.Tests.Support;

namespace Users.Tests.Jobs;

/// <summary>A bad <c>Jobs</c> setting stops the service at start-up with a message that names it.</summary>
[NonParallelizable]
public sealed class JobsStartupTests
{
    [TestCase("Jobs:Role", "Primary", "Jobs:Role")]
    [TestCase("Jobs:Role", "7", "Jobs:Role")]
    [TestCase("Jobs:WorkerCount", "0", "Jobs:WorkerCount")]
    [TestCase("Jobs:WorkerCount", "1000", "Jobs:WorkerCount")]
    [TestCase("Jobs:Queues:0", "Mail Queue", "Jobs:Queues")]
    [TestCase("Jobs:Schema", "public", "Jobs:Schema")]
    [TestCase("Jobs:Schema", "jobs\"; DROP TABLE users; --", "Jobs:Schema")]
    [TestCase("Jobs:QueuePollInterval", "00:00:00.010", "Jobs:QueuePollInterval")]
    [TestCase("Jobs:InvisibilityTimeout", "00:00:05", "Jobs:InvisibilityTimeout")]
    [TestCase("Jobs:DistributedLockTimeout", "00:00:00", "Jobs:DistributedLockTimeout")]
    [TestCase("Jobs:SchedulePollingInterval", "-00:00:01", "Jobs:SchedulePollingInterval")]
    [TestCase("Jobs:RetryAttempts", "-1", "Jobs:RetryAttempts")]
    [TestCase("Jobs:RetryDelay", "00:00:00.500", "Jobs:RetryDelay")]
    [TestCase("Jobs:Outbox:PollInterval", "00:00:00", "Jobs:Outbox:PollInterval")]
    [TestCase("Jobs:Outbox:BatchSize", "0", "Jobs:Outbox:BatchSize")]
    public async Task App_does_not_start_with_an_out_of_range_jobs_setting(string setting, string value, string named)
    {
        await using var factory = new UsersApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string?> { [setting] = value });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying(named);
    }

    [TestCase("Api")]
    [TestCase("worker")]
    [TestCase("Both")]
    public async Task App_starts_in_each_role(string role)
    {
        await using var factory = new UsersApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string?> { ["Jobs:Role"] = role });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertStarted();
    }
}
