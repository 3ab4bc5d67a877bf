using System.Globalization;
using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>
/// The client address of the rate limits is the one a trusted proxy forwards in <c>X-Forwarded-For</c>; from any other
/// peer that header is the client's own claim and changes nothing.
/// </summary>
public sealed class ForwardedClientRateLimitTests : DatabaseTest
{
    private const int PermitLimit = 3;
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "198.51.100.7";

    [Test]
    public async Task Clients_forwarded_by_a_trusted_proxy_have_separate_budgets()
    {
        await using var factory = LimitedApp(trustedProxy: Proxy);
        using var client = factory.Anonymous();
        await SpendBudgetAsync(client, Proxy, _ => "203.0.113.1");

        using var sameClient = await SignInAsync(client, Proxy, "203.0.113.1");
        using var otherClient = await SignInAsync(client, Proxy, "203.0.113.2");

        await RateLimitAssert.IsTooManyRequestsAsync(sameClient);
        Assert.That(otherClient.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Changing_X_Forwarded_For_from_an_untrusted_peer_does_not_reset_the_budget()
    {
        await using var factory = LimitedApp(trustedProxy: Proxy);
        using var client = factory.Anonymous();
        await SpendBudgetAsync(client, Stranger, attempt => $"203.0.113.{attempt}");

        using var response = await SignInAsync(client, Stranger, "203.0.113.99");

        await RateLimitAssert.IsTooManyRequestsAsync(response);
    }

    [Test]
    public async Task X_Forwarded_For_is_believed_from_nobody_when_no_proxy_is_trusted()
    {
        await using var factory = LimitedApp(trustedProxy: null);
        using var client = factory.Anonymous();
        await SpendBudgetAsync(client, Stranger, attempt => $"203.0.113.{attempt}");

        using var response = await SignInAsync(client, Stranger, "203.0.113.99");

        await RateLimitAssert.IsTooManyRequestsAsync(response);
    }

    [Test]
    public async Task A_client_behind_a_trusted_proxy_cannot_pick_its_address_by_adding_to_X_Forwarded_For()
    {
        // The proxy appends the address it saw to whatever the client sent; only that last entry is the proxy's word.
        await using var factory = LimitedApp(trustedProxy: Proxy);
        using var client = factory.Anonymous();
        await SpendBudgetAsync(client, Proxy, attempt => $"192.0.2.{attempt}, 203.0.113.1");

        using var response = await SignInAsync(client, Proxy, "192.0.2.99, 203.0.113.1");

        await RateLimitAssert.IsTooManyRequestsAsync(response);
    }

    private static UsersApiFactory LimitedApp(string? trustedProxy)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:PerClientIp:PermitLimit"] = PermitLimit.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:PerClientIp:Window"] = "00:01:00",
        };
        if (trustedProxy is not null)
        {
            settings["Network:TrustedProxies:0"] = trustedProxy;
        }

        return new UsersApiFactory(TestDatabase.ConnectionString, settings);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string peer, string forwardedFor) =>
        client.SignInFromAsync("nobody@example.com", "not the password", peer, forwardedFor);

    /// <summary>Spends the budget with sign-ins from <paramref name="peer"/>, each forwarding the given header value.</summary>
    private static async Task SpendBudgetAsync(HttpClient client, string peer, Func<int, string> forwardedFor)
    {
        for (var attempt = 1; attempt <= PermitLimit; attempt++)
        {
            using var response = await SignInAsync(client, peer, forwardedFor(attempt));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {attempt}");
        }
    }
}
