using System.Globalization;
using System.Net;
using Users.Infrastructure.Jobs;
using Users.Tests.Security;
using Users.Tests.Support;

namespace Users.Tests.Cluster;

/// <summary>
/// Two nodes of the service against one database and one Redis (<c>RateLimits:Redis</c>): a client's auth budgets are
/// one budget, however its requests are spread over the nodes, and each budget is still its own (per endpoint, per
/// address, per email).
/// </summary>
public sealed class SharedRateLimitTests : DatabaseTest
{
    private const int PerAddress = 4;
    private const int PerEmail = 2;

    private UsersApiFactory _first = null!;
    private UsersApiFactory _second = null!;
    private HttpClient _one = null!;
    private HttpClient _other = null!;
    private int _peers;

    [OneTimeSetUp]
    public async Task StartTwoNodesAsync()
    {
        await TestRedis.EnsureRunningAsync();
        _first = Node();
        _second = Node();
        _one = _first.Anonymous();
        _other = _second.Anonymous();
        await NodeReadiness.UntilSharingAsync(_first);
        await NodeReadiness.UntilSharingAsync(_second);
    }

    [SetUp]
    public async Task ForgetBudgetsAsync()
    {
        await TestRedis.FlushAsync();
        _peers = 0;
    }

    [OneTimeTearDown]
    public async Task StopNodesAsync()
    {
        _one.Dispose();
        _other.Dispose();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Test]
    public async Task Requests_from_one_address_spread_over_two_nodes_spend_one_budget()
    {
        for (var attempt = 1; attempt <= PerAddress; attempt++)
        {
            using var spent = await NodeFor(attempt).AttemptFromAsync(AuthCalls.Token, attempt, "198.51.100.7");
            Assert.That(spent.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {attempt}");
        }

        using var onOne = await _one.AttemptFromAsync(AuthCalls.Token, PerAddress + 1, "198.51.100.7");
        using var onOther = await _other.AttemptFromAsync(AuthCalls.Token, PerAddress + 2, "198.51.100.7");

        await RateLimitAssert.IsTooManyRequestsAsync(onOne);
        await RateLimitAssert.IsTooManyRequestsAsync(onOther);
    }

    [Test]
    public async Task Sign_ins_naming_one_email_on_two_nodes_spend_one_budget()
    {
        using var onOne = await _one.SignInFromAsync("ada@example.com", "not the password", NextPeer());
        using var onOther = await _other.SignInFromAsync("ADA@example.com ", "not the password", NextPeer());

        using var over = await _one.SignInFromAsync("ada@example.com", "not the password", NextPeer());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(onOne.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(onOther.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        await RateLimitAssert.IsTooManyRequestsAsync(over);
    }

    [Test]
    public async Task A_sign_up_on_one_node_spends_the_email_budget_of_sign_ins_on_the_other()
    {
        using var signUp = await _one.PostFromAsync(
            AuthCalls.SignUp, new { email = "ada@example.com", fullName = "Ada Lovelace", password = AuthCalls.StrongPassword }, NextPeer());
        using var signIn = await _other.SignInFromAsync("ada@example.com", AuthCalls.StrongPassword, NextPeer());

        using var over = await _other.SignInFromAsync("ada@example.com", AuthCalls.StrongPassword, NextPeer());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(signUp.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await RateLimitAssert.IsTooManyRequestsAsync(over);
    }

    [Test]
    public async Task Shared_budgets_stay_per_endpoint_and_per_address()
    {
        for (var attempt = 1; attempt <= PerAddress; attempt++)
        {
            using var spent = await NodeFor(attempt).AttemptFromAsync(AuthCalls.Token, attempt, "198.51.100.7");
            Assert.That(spent.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {attempt}");
        }

        using var signUp = await _other.AttemptFromAsync(AuthCalls.SignUp, 1, "198.51.100.7");
        using var otherAddress = await _other.AttemptFromAsync(AuthCalls.Token, PerAddress + 1, "198.51.100.8");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(signUp.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(otherAddress.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    private static UsersApiFactory Node() => new(TestDatabase.ConnectionString, new Dictionary<string, string?>
    {
        ["Jobs:Role"] = nameof(JobRole.Api),
        ["RateLimits:Redis"] = TestRedis.Configuration,
        // Windows far longer than a test: a budget that renewed mid-test would pass a request the test expects refused.
        ["RateLimits:PerClientIp:Window"] = "01:00:00",
        ["RateLimits:PerEmail:Window"] = "01:00:00",
        ["RateLimits:PerClientIp:PermitLimit"] = PerAddress.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:PerEmail:PermitLimit"] = PerEmail.ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>Odd attempts go to one node, even ones to the other, as a round-robin balancer sends them.</summary>
    private HttpClient NodeFor(int attempt) => attempt % 2 == 1 ? _one : _other;

    /// <summary>An address no earlier request of the test came from, so only the email's budget is shared.</summary>
    private string NextPeer() => $"192.0.2.{++_peers}";
}
