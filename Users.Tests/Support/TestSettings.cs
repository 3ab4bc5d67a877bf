namespace Users.Tests.Support;

/// <summary>What every test app runs with unless a test says otherwise.</summary>
public static class TestSettings
{
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>(TestKeys.Settings.Concat(TestMailServer.Settings))
    {
        ["Database:MigrateOnStartup"] = "false",

        // A test app has no load balancer to wait for: it stops at once (the hosting tests set a drain of their own).
        ["Hosting:DrainTime"] = "00:00:00",
        ["Logging:LogLevel:Default"] = "Warning",

        // The lowest cost the service accepts: hashes stay real, and sign-ins take milliseconds, not a quarter-second.
        ["Accounts:PasswordHashIterations"] = "10000",

        // High enough that no test but the rate-limit tests ever meets them.
        ["RateLimits:PerClientIp:PermitLimit"] = "100000",
        ["RateLimits:PerEmail:PermitLimit"] = "100000",

        // Every test app runs jobs too, with waits short enough for tests that wait for them.
        ["Jobs:Role"] = "Both",
        ["Jobs:WorkerCount"] = "2",
        ["Jobs:QueuePollInterval"] = "00:00:00.5",
        ["Jobs:SchedulePollingInterval"] = "00:00:00.2",
        ["Jobs:InvisibilityTimeout"] = "00:00:30",
        ["Jobs:DistributedLockTimeout"] = "00:00:30",
        ["Jobs:RetryAttempts"] = "2",
        ["Jobs:RetryDelay"] = "00:00:01",
        ["Jobs:Outbox:PollInterval"] = "00:00:00.5",
    };

    /// <summary>The defaults with the given settings on top; a null value removes a setting.</summary>
    public static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?>? overrides)
    {
        var merged = new Dictionary<string, string?>(Defaults);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged;
    }
}
