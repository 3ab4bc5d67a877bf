using Users.Tests.Support;

namespace Users.Tests.Idempotency;

/// <summary>An <c>Idempotency</c> setting out of range stops the service at start-up with a message that names it.</summary>
[NonParallelizable]
public sealed class IdempotencySettingsTests
{
    private const string Setting = "Idempotency:KeyLifetime";

    [TestCase("00:00:00")]
    [TestCase("-01:00:00")]
    [TestCase("31.00:00:00")]
    [TestCase("a day")]
    public async Task App_does_not_start_with_a_key_lifetime_out_of_range(string lifetime)
    {
        await using var factory = ConfiguredApiFactory.OnTestDatabase(new Dictionary<string, string?>
        {
            [Setting] = lifetime,
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying(Setting);
    }

    [Test]
    public async Task App_starts_with_a_key_lifetime_in_range()
    {
        await using var factory = ConfiguredApiFactory.OnTestDatabase(new Dictionary<string, string?>
        {
            [Setting] = "01:00:00",
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertStarted();
    }
}
