using System.Globalization;
using System.Net;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>Sign-in, sign-up, refresh and sign-out each allow a few requests per client address and window, then answer 429.</summary>
public sealed class ClientAddressRateLimitTests : DatabaseTest
{
    private const int PermitLimit = 3;
    private const string Peer = "198.51.100.7";
    private const string OtherPeer = "198.51.100.8";

    private UsersApiFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void StartLimitedApp()
    {
        _factory = new UsersApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimits:PerClientIp:PermitLimit"] = PermitLimit.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:PerClientIp:Window"] = "00:01:00",
        });
        _client = _factory.Anonymous();
    }

    [TearDown]
    public async Task StopLimitedAppAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [TestCase(AuthCalls.Token, HttpStatusCode.Unauthorized)]
    [TestCase(AuthCalls.SignUp, HttpStatusCode.Created)]
    [TestCase(AuthCalls.Refresh, HttpStatusCode.Unauthorized)]
    [TestCase(AuthCalls.Logout, HttpStatusCode.NoContent)]
    public async Task Request_over_the_budget_of_one_address_is_429_with_Retry_After(string path, HttpStatusCode withinBudget)
    {
        await SpendBudgetAsync(path, Peer, withinBudget);

        using var response = await _client.AttemptFromAsync(path, PermitLimit + 1, Peer);

        await RateLimitAssert.IsTooManyRequestsAsync(response);
    }

    [Test]
    public async Task Budgets_are_per_endpoint()
    {
        await SpendBudgetAsync(AuthCalls.Token, Peer, HttpStatusCode.Unauthorized);

        using var signUp = await _client.AttemptFromAsync(AuthCalls.SignUp, 1, Peer);
        using var refresh = await _client.AttemptFromAsync(AuthCalls.Refresh, 1, Peer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(signUp.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(refresh.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Budgets_are_per_client_address()
    {
        using var user = await _factory.SignInAsync(withPassword: true);
        await SpendBudgetAsync(AuthCalls.Token, Peer, HttpStatusCode.Unauthorized);

        using var wrongPassword = await _client.SignInFromAsync(user.Email, "not the password", OtherPeer);
        using var rightPassword = await _client.SignInFromAsync(user.Email, UsersApiFactory.Password, OtherPeer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrongPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(rightPassword.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Sign_in_over_the_budget_is_refused_even_with_the_right_password()
    {
        using var user = await _factory.SignInAsync(withPassword: true);
        await SpendBudgetAsync(AuthCalls.Token, Peer, HttpStatusCode.Unauthorized);

        using var response = await _client.SignInFromAsync(user.Email, UsersApiFactory.Password, Peer);

        await RateLimitAssert.IsTooManyRequestsAsync(response);
    }

    [Test]
    public async Task Sign_up_over_the_budget_stores_no_account()
    {
        await SpendBudgetAsync(AuthCalls.SignUp, Peer, HttpStatusCode.Created);

        using var response = await _client.AttemptFromAsync(AuthCalls.SignUp, PermitLimit + 1, Peer);

        await RateLimitAssert.IsTooManyRequestsAsync(response);
        using var stored = await Client.GetAsync($"{UsersClient.Path}?search=new{PermitLimit + 1}@");
        var page = await stored.ReadAsync<UserPage>();
        Assert.That(page.Items, Is.Empty, "the refused sign-up created an account");
    }

    [Test]
    public async Task Addresses_of_one_IPv6_64_share_a_budget()
    {
        for (var attempt = 1; attempt <= PermitLimit; attempt++)
        {
            using var spent = await _client.AttemptFromAsync(AuthCalls.Token, attempt, $"2001:db8:1:2::{attempt}");
            Assert.That(spent.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var sameNetwork = await _client.AttemptFromAsync(AuthCalls.Token, PermitLimit + 1, "2001:db8:1:2:ffff::1");
        using var otherNetwork = await _client.AttemptFromAsync(AuthCalls.Token, PermitLimit + 1, "2001:db8:1:3::1");

        await RateLimitAssert.IsTooManyRequestsAsync(sameNetwork);
        Assert.That(otherNetwork.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_IPv4_address_mapped_to_IPv6_shares_the_budget_of_the_IPv4_address()
    {
        await SpendBudgetAsync(AuthCalls.Token, Peer, HttpStatusCode.Unauthorized);

        using var response = await _client.AttemptFromAsync(AuthCalls.Token, PermitLimit + 1, $"::ffff:{Peer}");

        await RateLimitAssert.IsTooManyRequestsAsync(response);
    }

    /// <summary>Makes as many requests as the budget allows from one address, each answered by the endpoint.</summary>
    private async Task SpendBudgetAsync(string path, string peer, HttpStatusCode answer)
    {
        for (var attempt = 1; attempt <= PermitLimit; attempt++)
        {
            using var response = await _client.AttemptFromAsync(path, attempt, peer);
            Assert.That(response.StatusCode, Is.EqualTo(answer), $"{path} attempt {attempt}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
