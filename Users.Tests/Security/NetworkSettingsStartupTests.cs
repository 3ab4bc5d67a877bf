using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>A trusted proxy or CORS origin that cannot be read stops the service at start-up, naming the setting.</summary>
[NonParallelizable]
public sealed class NetworkSettingsStartupTests
{
    [TestCase("app.example", TestName = "App_does_not_start_when_a_CORS_origin_has_no_scheme")]
    [TestCase("ftp://app.example", TestName = "App_does_not_start_when_a_CORS_origin_is_not_http_or_https")]
    [TestCase("https://app.example/path", TestName = "App_does_not_start_when_a_CORS_origin_has_a_path")]
    [TestCase("https://app.example/?x=1", TestName = "App_does_not_start_when_a_CORS_origin_has_a_query")]
    public async Task App_does_not_start_with_a_bad_CORS_origin(string origin)
    {
        await using var factory = App(new() { ["Network:CorsOrigins:0"] = origin });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("Network:CorsOrigins:0");
    }

    [TestCase("proxy.internal", TestName = "App_does_not_start_when_a_trusted_proxy_is_a_host_name")]
    [TestCase("10.0.0.0/33", TestName = "App_does_not_start_when_a_trusted_network_has_too_long_a_prefix")]
    [TestCase("10.0.0.300", TestName = "App_does_not_start_when_a_trusted_proxy_is_not_an_address")]
    public async Task App_does_not_start_with_a_bad_trusted_proxy(string proxy)
    {
        await using var factory = App(new() { ["Network:TrustedProxies:0"] = proxy });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("Network:TrustedProxies:0");
    }

    [Test]
    public async Task App_names_the_index_of_the_bad_entry()
    {
        await using var factory = App(new()
        {
            ["Network:TrustedProxies:0"] = "10.0.0.5",
            ["Network:TrustedProxies:1"] = "not an address",
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("Network:TrustedProxies:1");
    }

    [Test]
    public async Task App_starts_with_valid_origins_addresses_and_networks()
    {
        await using var factory = App(new()
        {
            ["Network:CorsOrigins:0"] = "https://app.example",
            ["Network:CorsOrigins:1"] = "http://localhost:3000",
            ["Network:TrustedProxies:0"] = "10.0.0.5",
            ["Network:TrustedProxies:1"] = "172.16.0.0/12",
            ["Network:TrustedProxies:2"] = "fd00::/8",
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertStarted();
    }

    private static ConfiguredApiFactory App(Dictionary<string, string?> network) => ConfiguredApiFactory.OnTestDatabase(network);
}
