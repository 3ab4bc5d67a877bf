using Users.Tests.Support;

namespace Users.Tests.Telemetry;

/// <summary>A bad <c>Telemetry</c> or <c>Management</c> setting stops the service at start-up, naming the setting.</summary>
[NonParallelizable]
public sealed class TelemetrySettingsTests
{
    [TestCase("Management:Port", "0")]
    [TestCase("Management:Port", "70000")]
    [TestCase("Management:Port", "metrics")]
    [TestCase("Management:Address", "everywhere")]
    [TestCase("Telemetry:Enabled", "maybe")]
    [TestCase("Telemetry:TraceSampleRatio", "1.5")]
    [TestCase("Telemetry:TraceSampleRatio", "-0.1")]
    public async Task App_does_not_start_with_a_bad_setting(string setting, string value)
    {
        await using var factory = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
            [setting] = value,
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying(setting);
    }

    [Test]
    public async Task App_does_not_start_when_the_management_port_is_one_the_api_listens_on()
    {
        await using var factory = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
            ["urls"] = "http://127.0.0.1:5098",
            ["Management:Port"] = "5098",
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("Management:Port", "5098");
    }

    [Test]
    public async Task App_starts_with_telemetry_off()
    {
        await using var factory = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
            ["Telemetry:Enabled"] = "false",
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertStarted();
    }
}
