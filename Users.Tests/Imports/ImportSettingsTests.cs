using Users.Tests.Support;

namespace Users.Tests.Imports;

/// <summary>An import setting out of range stops the service at start-up with a message that names it.</summary>
[NonParallelizable]
public sealed class ImportSettingsTests
{
    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("100001")]
    public async Task App_does_not_start_with_a_batch_size_out_of_range(string batchSize)
    {
        await using var factory = ConfiguredApiFactory.OnTestDatabase(new Dictionary<string, string?>
        {
            ["Imports:BatchSize"] = batchSize,
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("Imports:BatchSize");
    }

    [Test]
    public async Task App_starts_with_a_batch_size_in_range()
    {
        await using var factory = ConfiguredApiFactory.OnTestDatabase(new Dictionary<string, string?>
        {
            ["Imports:BatchSize"] = "1",
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertStarted();
    }
}
