using System.Net;
using System.Net.Http.Json;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>
/// Behind a trusted proxy, the address the service gives of itself (<c>Location</c>) is the one the client used: the
/// scheme, host and path prefix of <c>X-Forwarded-Proto</c>, <c>-Host</c> and <c>-Prefix</c>. From any other peer, or
/// with no proxy configured, those headers are the client's own claims and change nothing. (The forwarded client address
/// and the rate limits: <see cref="ForwardedClientRateLimitTests"/>.)
/// </summary>
public sealed class ForwardedLocationTests : DatabaseTest
{
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "198.51.100.7";

    [Test]
    public async Task From_a_trusted_proxy_Location_has_the_forwarded_scheme_host_and_prefix()
    {
        await using var factory = AppBehind(Proxy);

        var (id, location) = await CreateUserAsync(factory, peer: Proxy, forwardedHost: "users.example.com");

        Assert.That(location, Is.EqualTo(new Uri($"https://users.example.com/accounts{UsersClient.Path}/{id}")));
    }

    [Test]
    public async Task From_an_untrusted_peer_the_forwarded_headers_change_nothing()
    {
        await using var factory = AppBehind(Proxy);

        var (id, location) = await CreateUserAsync(factory, peer: Stranger, forwardedHost: "users.example.com");

        Assert.That(location, Is.EqualTo(new Uri($"http://localhost{UsersClient.Path}/{id}")));
    }

    [Test]
    public async Task With_no_trusted_proxy_the_forwarded_headers_change_nothing()
    {
        await using var factory = AppBehind(proxy: null);

        var (id, location) = await CreateUserAsync(factory, peer: Proxy, forwardedHost: "users.example.com");

        Assert.That(location, Is.EqualTo(new Uri($"http://localhost{UsersClient.Path}/{id}")));
    }

    [Test]
    public async Task A_forwarded_host_outside_AllowedHosts_is_not_believed()
    {
        await using var factory = AppBehind(Proxy, allowedHosts: "localhost;users.example.com");

        var (_, location) = await CreateUserAsync(factory, peer: Proxy, forwardedHost: "users.example.net");

        Assert.That(location?.Host, Is.EqualTo("localhost"));
    }

    private static UsersApiFactory AppBehind(string? proxy, string? allowedHosts = null)
    {
        var settings = new Dictionary<string, string?> { ["AllowedHosts"] = allowedHosts };
        if (proxy is not null)
        {
            settings["Network:TrustedProxies:0"] = proxy;
        }

        return new UsersApiFactory(TestDatabase.ConnectionString, settings);
    }

    /// <summary>Creates a user as an admin from <paramref name="peer"/>, as a TLS-terminating proxy under /accounts forwards it.</summary>
    private static async Task<(Guid Id, Uri? Location)> CreateUserAsync(UsersApiFactory factory, string peer, string forwardedHost)
    {
        using var admin = factory.AsAdmin();
        using var request = new HttpRequestMessage(HttpMethod.Post, UsersClient.Path)
        {
            Content = JsonContent.Create(new { email = "ada@example.com", fullName = "Ada Lovelace" }, options: UsersClient.Json),
        };
        request.Headers.Add(PeerAddressStartupFilter.Header, peer);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", forwardedHost);
        request.Headers.Add("X-Forwarded-Prefix", "/accounts");

        using var response = await admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return ((await response.ReadAsync<UserResponse>()).Id, response.Headers.Location);
    }
}
