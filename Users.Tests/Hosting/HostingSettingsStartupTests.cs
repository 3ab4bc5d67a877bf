using Users.Tests.Support;

namespace Users.Tests.Hosting;

/// <summary>A <c>Hosting</c> time out of range or unreadable stops the service at start-up, naming the setting.</summary>
[NonParallelizable]
public sealed class HostingSettingsStartupTests
{
    [TestCase("Hosting:DrainTime", "-00:00:01")]
    [TestCase("Hosting:DrainTime", "01:00:00")]
    [TestCase("Hosting:DrainTime", "soon")]
    [TestCase("Hosting:ShutdownTimeout", "00:00:00")]
    [TestCase("Hosting:ShutdownTimeout", "01:00:00")]
    [TestCase("Hosting:RequestTimeout", "00:00:00")]
    [TestCase("Hosting:RequestTimeout", "-00:00:30")]
    [TestCase("Hosting:RequestTimeout", "01:00:00")]
    [TestCase("Hosting:ImportRequestTimeout", "00:00:00")]
    [TestCase("Hosting:ImportRequestTimeout", "1.00:00:00")]
    public async Task App_does_not_start_with_a_bad_hosting_setting(string setting, string value)
    {
        await using var factory = App(new() { [setting] = value });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying(setting);
    }

    [Test]
    public async Task App_starts_with_times_in_range()
    {
        await using var factory = App(new()
        {
            ["Hosting:DrainTime"] = "00:00:00",
            ["Hosting:ShutdownTimeout"] = "00:02:00",
            ["Hosting:RequestTimeout"] = "00:00:00.5",
            ["Hosting:ImportRequestTimeout"] = "00:30:00",
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertStarted();
    }

    private static ConfiguredApiFactory App(Dictionary<string, string?> hosting) => ConfiguredApiFactory.OnTestDatabase(hosting);
}
