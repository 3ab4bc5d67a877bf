using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>
/// Outside Development, HTTPS answers carry Strict-Transport-Security, including HTTPS that a trusted proxy terminated;
/// a client's own claim of HTTPS, or plain HTTP, gets none.
/// </summary>
public sealed class HstsTests
{
    private const string TrustedProxy = "127.0.0.1";
    private const string Stranger = "198.51.100.7";

    private static readonly Uri PublicHost = new("http://users.example.com");

    [Test]
    public async Task HTTPS_forwarded_by_a_trusted_proxy_gets_HSTS()
    {
        await using var factory = Production(trustedProxy: TrustedProxy);

        using var response = await GetAsync(factory, peer: TrustedProxy, forwardedProto: "https");

        Assert.That(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), Is.True);
        Assert.That(hsts!.Single(), Does.StartWith("max-age="));
    }

    [Test]
    public async Task HTTPS_claimed_by_an_untrusted_peer_gets_no_HSTS()
    {
        await using var factory = Production(trustedProxy: TrustedProxy);

        using var response = await GetAsync(factory, peer: Stranger, forwardedProto: "https");

        Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False);
    }

    [Test]
    public async Task HTTPS_claimed_by_a_peer_gets_no_HSTS_when_no_proxy_is_trusted()
    {
        await using var factory = Production(trustedProxy: null);

        using var response = await GetAsync(factory, peer: TrustedProxy, forwardedProto: "https");

        Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False);
    }

    [Test]
    public async Task Plain_HTTP_gets_no_HSTS()
    {
        await using var factory = Production(trustedProxy: TrustedProxy);

        using var response = await GetAsync(factory, peer: TrustedProxy, forwardedProto: null);

        Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False);
    }

    private static ConfiguredApiFactory Production(string? trustedProxy)
    {
        var settings = new Dictionary<string, string?>();
        if (trustedProxy is not null)
        {
            settings["Network:TrustedProxies:0"] = trustedProxy;
        }

        return ConfiguredApiFactory.OnTestDatabase(settings, "Production");
    }

    /// <summary>Asks for the liveness check on the public host name, from a peer, optionally as forwarded HTTPS.</summary>
    private static async Task<HttpResponseMessage> GetAsync(ConfiguredApiFactory factory, string peer, string? forwardedProto)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = PublicHost });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add(PeerAddressStartupFilter.Header, peer);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return response;
    }
}
