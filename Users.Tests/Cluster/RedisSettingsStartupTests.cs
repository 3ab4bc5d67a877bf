using Users.Tests.Support;

namespace Users.Tests.Cluster;

/// <summary>A <c>RateLimits:Redis</c> that is not a Redis connection stops the start-up, naming the setting and no password.</summary>
[NonParallelizable]
public sealed class RedisSettingsStartupTests
{
    [TestCase("127.0.0.1:6379,notAnOption=1", TestName = "App_does_not_start_when_the_Redis_setting_has_an_unknown_option")]
    [TestCase("abortConnect=false", TestName = "App_does_not_start_when_the_Redis_setting_names_no_server")]
    public async Task App_does_not_start_with_a_bad_Redis_setting(string redis)
    {
        await using var factory = Factory(redis);

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("RateLimits:Redis");
    }

    [Test]
    public async Task A_refused_Redis_setting_is_not_repeated_with_its_password()
    {
        await using var factory = Factory("127.0.0.1:6379,password=swordfish-ocelot,notAnOption=1");

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("RateLimits:Redis");
        Assert.That(attempt.Said, Does.Not.Contain("swordfish-ocelot"));
    }

    [Test]
    public async Task App_starts_when_the_Redis_setting_is_empty()
    {
        await using var factory = Factory(string.Empty);

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertStarted();
    }

    private static ConfiguredApiFactory Factory(string redis) =>
        ConfiguredApiFactory.OnTestDatabase(new Dictionary<string, string?> { ["RateLimits:Redis"] = redis });
}
