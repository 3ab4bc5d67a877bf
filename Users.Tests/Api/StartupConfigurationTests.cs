using Users.Tests.Support;

namespace Users.Tests.Api;

/// <summary>
/// A bad setting stops the service at start-up with a message that names the setting. Program.cs reports start-up
/// failures on standard error and exits, so the message is looked for there as well as in what the factory throws.
/// </summary>
[NonParallelizable]
public sealed class StartupConfigurationTests
{
    [TestCase("", TestName = "App_does_not_start_when_the_connection_string_is_empty")]
    [TestCase("   ", TestName = "App_does_not_start_when_the_connection_string_is_blank")]
    [TestCase("Host=;Port=abc", TestName = "App_does_not_start_when_the_connection_string_is_malformed")]
    [TestCase("Port=5432;Database=users", TestName = "App_does_not_start_when_the_connection_string_names_no_host")]
    public async Task App_does_not_start_with_a_bad_connection_string(string connectionString)
    {
        await using var factory = new UsersApiFactory(connectionString);

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("ConnectionStrings:Users");
    }

    [Test]
    public async Task App_does_not_start_when_the_connection_string_is_missing()
    {
        await using var factory = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = null,
            ["Database:MigrateOnStartup"] = "false",
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("ConnectionStrings:Users");
    }

    [Test]
    public async Task App_does_not_start_when_MigrateOnStartup_is_not_a_boolean()
    {
        await using var factory = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
            ["Database:MigrateOnStartup"] = "maybe",
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("Database:MigrateOnStartup");
    }

    [TestCase("Accounts:MinPasswordScore", "5")]
    [TestCase("Accounts:PasswordHashIterations", "1000")]
    [TestCase("Accounts:RefreshTokenLifetime", "-1.00:00:00")]
    [TestCase("Accounts:EmailVerificationTokenLifetime", "00:00:00")]
    [TestCase("Accounts:PasswordResetTokenLifetime", "-01:00:00")]
    [TestCase("Accounts:UnverifiedAccountTtl", "00:00:00")]
    [TestCase("CleanUp:Schedule", "every quarter hour")]
    [TestCase("CleanUp:Schedule", "61 * * * *")]
    [TestCase("CleanUp:ImportRetention", "00:00:00")]
    [TestCase("CleanUp:OutboxRetention", "-1.00:00:00")]
    [TestCase("RateLimits:PerClientIp:PermitLimit", "0")]
    [TestCase("RateLimits:PerEmail:Window", "00:00:00")]
    public async Task App_does_not_start_with_an_out_of_range_account_setting(string setting, string value)
    {
        await using var factory = ConfiguredApiFactory.OnTestDatabase(new Dictionary<string, string?>
        {
            [setting] = value,
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying(setting);
    }

    [Test]
    public async Task App_starts_when_the_settings_are_valid()
    {
        await using var factory = ConfiguredApiFactory.OnTestDatabase(new Dictionary<string, string?>());

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertStarted();
    }
}
