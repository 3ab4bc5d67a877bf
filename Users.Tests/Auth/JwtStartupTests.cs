using System.Security.Cryptography;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>
/// Bad <c>Jwt</c> settings stop the service at start-up with a message that names the setting; the test app's signing
/// key (<see cref="TestKeys.Settings"/>) is the starting point, and each test changes exactly what it is about.
/// </summary>
[NonParallelizable]
public sealed class JwtStartupTests
{
    private const string PublicKeyId = "verify-only";
    private const string SecondKeyId = "second";

    [TestCase("Production")]
    [TestCase("Staging")]
    [TestCase("Testing")]
    public async Task App_does_not_start_outside_Development_without_keys(string environment)
    {
        await using var factory = new ConfiguredApiFactory(Settings(new()), environment, withTestKey: false);

        StartupAttempt.Of(factory).AssertRefusedSaying("Jwt:Keys is not set");
    }

    [TestCase("not a key", TestName = "App_does_not_start_when_a_key_is_not_PEM")]
    [TestCase("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----", TestName = "App_does_not_start_when_a_PEM_key_is_not_a_key")]
    public async Task App_does_not_start_when_a_key_is_not_an_EC_key(string pem)
    {
        await using var factory = new ConfiguredApiFactory(Settings(new() { ["Jwt:Keys:0:Pem"] = pem }));

        StartupAttempt.Of(factory).AssertRefusedSaying("Jwt:Keys:0");
    }

    [Test]
    public async Task App_does_not_start_when_a_key_gives_its_curve_as_explicit_parameters()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var explicitCurve = ECDsa.Create(key.ExportExplicitParameters(includePrivateParameters: true));
        await using var factory = new ConfiguredApiFactory(Settings(new() { ["Jwt:Keys:0:Pem"] = explicitCurve.ExportPkcs8PrivateKeyPem() }));

        StartupAttempt.Of(factory).AssertRefusedSaying("Jwt:Keys:0");
    }

    [Test]
    public async Task App_does_not_start_when_SigningKeyId_names_no_configured_key()
    {
        await using var factory = new ConfiguredApiFactory(Settings(new() { ["Jwt:SigningKeyId"] = "retired-key" }));

        StartupAttempt.Of(factory).AssertRefusedSaying("Jwt:SigningKeyId", "retired-key");
    }

    [Test]
    public async Task App_does_not_start_when_SigningKeyId_names_a_public_key()
    {
        await using var factory = new ConfiguredApiFactory(Settings(new()
        {
            ["Jwt:Keys:1:Id"] = PublicKeyId,
            ["Jwt:Keys:1:Pem"] = TestKeys.PublicPemOf(TestKeys.StrangerPem),
            ["Jwt:SigningKeyId"] = PublicKeyId,
        }));

        StartupAttempt.Of(factory).AssertRefusedSaying("Jwt:SigningKeyId", PublicKeyId);
    }

    [Test]
    public async Task App_does_not_start_when_no_key_has_a_private_part()
    {
        await using var factory = new ConfiguredApiFactory(Settings(new() { ["Jwt:Keys:0:Pem"] = TestKeys.PublicPemOf(TestKeys.SigningPem) }));

        StartupAttempt.Of(factory).AssertRefusedSaying("Jwt:Keys");
    }

    [Test]
    public async Task App_does_not_start_with_two_private_keys_and_no_SigningKeyId()
    {
        await using var factory = new ConfiguredApiFactory(Settings(new()
        {
            ["Jwt:Keys:1:Id"] = SecondKeyId,
            ["Jwt:Keys:1:Pem"] = TestKeys.StrangerPem,
        }));

        StartupAttempt.Of(factory).AssertRefusedSaying("Jwt:SigningKeyId");
    }

    [Test]
    public async Task App_starts_with_two_private_keys_when_SigningKeyId_names_one()
    {
        await using var factory = new ConfiguredApiFactory(Settings(new()
        {
            ["Jwt:Keys:1:Id"] = SecondKeyId,
            ["Jwt:Keys:1:Pem"] = TestKeys.StrangerPem,
            ["Jwt:SigningKeyId"] = SecondKeyId,
        }));

        StartupAttempt.Of(factory).AssertStarted();
    }

    [Test]
    public async Task App_does_not_start_when_two_keys_have_the_same_id()
    {
        await using var factory = new ConfiguredApiFactory(Settings(new()
        {
            ["Jwt:Keys:1:Id"] = TestKeys.SigningKeyId,
            ["Jwt:Keys:1:Pem"] = TestKeys.StrangerPem,
            ["Jwt:SigningKeyId"] = TestKeys.SigningKeyId,
        }));

        StartupAttempt.Of(factory).AssertRefusedSaying("Jwt:Keys", TestKeys.SigningKeyId);
    }

    [TestCase("01:00:01")]
    [TestCase("1.00:00:00")]
    [TestCase("00:00:00")]
    [TestCase("-00:15:00")]
    public async Task App_does_not_start_when_the_access_token_lifetime_is_not_within_an_hour(string lifetime)
    {
        await using var factory = new ConfiguredApiFactory(Settings(new() { ["Jwt:AccessTokenLifetime"] = lifetime }));

        StartupAttempt.Of(factory).AssertRefusedSaying("Jwt:AccessTokenLifetime");
    }

    [Test]
    public async Task App_starts_with_an_access_token_lifetime_of_one_hour()
    {
        await using var factory = new ConfiguredApiFactory(Settings(new() { ["Jwt:AccessTokenLifetime"] = "01:00:00" }));

        StartupAttempt.Of(factory).AssertStarted();
    }

    [TestCase("Jwt:Issuer", null)]
    [TestCase("Jwt:Issuer", "")]
    [TestCase("Jwt:Issuer", "   ")]
    [TestCase("Jwt:Audience", null)]
    [TestCase("Jwt:Audience", "")]
    [TestCase("Jwt:Audience", "   ")]
    public async Task App_does_not_start_without_an_issuer_or_audience(string setting, string? value)
    {
        await using var factory = new ConfiguredApiFactory(Settings(new() { [setting] = value }));

        StartupAttempt.Of(factory).AssertRefusedSaying(setting);
    }

    [Test]
    public async Task App_does_not_start_when_a_key_file_does_not_exist()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"users-tests-{Guid.NewGuid():N}", "signing.pem");
        await using var factory = new ConfiguredApiFactory(Settings(new()
        {
            ["Jwt:Keys:0:Pem"] = null,
            ["Jwt:Keys:0:PemFile"] = missing,
        }));

        StartupAttempt.Of(factory).AssertRefusedSaying("Jwt:Keys:0:PemFile", missing);
    }

    [Test]
    public async Task App_starts_with_a_key_file_and_publishes_its_key()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, TestKeys.StrangerPem);
            await using var factory = new ConfiguredApiFactory(Settings(new()
            {
                ["Jwt:Keys:0:Pem"] = null,
                ["Jwt:Keys:0:PemFile"] = file,
            }));

            var attempt = StartupAttempt.Of(factory);

            attempt.AssertStarted();
            using var client = factory.CreateClient();
            var keys = await JwksTests.ReadKeysAsync(client);
            Assert.That(keys.Select(key => (string?)key!["x"]), Is.EqualTo(new[] { TokenForge.PublicPoint(TestKeys.StrangerPem).X }));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A working database without migrations, the test app's key, and the test's changes to the Jwt settings.</summary>
    private static Dictionary<string, string?> Settings(Dictionary<string, string?> changes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
            ["Database:MigrateOnStartup"] = "false",
        };
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return settings;
    }
}
