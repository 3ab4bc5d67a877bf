using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Users.Infrastructure.Jobs;
using Users.Tests.Support;

namespace Users.Tests.Jobs;

/// <summary>
/// A bad <c>Jobs</c> setting stops the service at start-up with a message that names it; a node whose workers take no
/// jobs from a message type's queue says so.
/// </summary>
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

    [Test]
    public async Task Node_whose_workers_skip_the_queue_of_a_message_type_warns_naming_both()
    {
        using var logs = new CapturingLoggerProvider();
        await using var factory = new UsersApiFactory(
            TestDatabase.ConnectionString,
            new Dictionary<string, string?> { ["Jobs:Queues:0"] = "imports" },
            services => services.AddLogging(logging => logging.AddProvider(logs)));

        StartupAttempt.Of(factory).AssertStarted();

        var warnings = logs.Logs.Where(log => log.Level == LogLevel.Warning && log.Category == typeof(JobServer).FullName).ToList();
        Assert.That(warnings.Select(log => (log.State["Queue"], log.State["MessageType"])), Does.Contain(("default", nameof(TestMessage))));
    }
}
