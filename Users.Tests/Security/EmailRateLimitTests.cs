using System.Globalization;
using System.Net;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>
/// Sign-ins and sign-ups naming one email share a budget, whichever addresses they come from and whether or not the
/// email has an account, so a password cannot be guessed from many addresses and the answer reveals no accounts.
/// </summary>
public sealed class EmailRateLimitTests : DatabaseTest
{
    private const int PermitLimit = 2;

    private UsersApiFactory _factory = null!;
    private HttpClient _client = null!;
    private int _peers;

    [SetUp]
    public void StartLimitedApp()
    {
        _factory = new UsersApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimits:PerEmail:PermitLimit"] = PermitLimit.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:PerEmail:Window"] = "00:01:00",
        });
        _client = _factory.Anonymous();
        _peers = 0;
    }

    [TearDown]
    public async Task StopLimitedAppAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Sign_in_over_the_budget_of_an_email_with_an_account_is_429()
    {
        using var user = await _factory.SignInAsync(email: "ada@example.com", withPassword: true);
        await SpendBudgetAsync("ada@example.com");

        using var response = await SignInAsync("ada@example.com", "not the password");

        await RateLimitAssert.IsTooManyRequestsAsync(response);
    }

    [Test]
    public async Task Sign_in_over_the_budget_of_an_email_without_an_account_is_429()
    {
        await SpendBudgetAsync("nobody@example.com");

        using var response = await SignInAsync("nobody@example.com", "not the password");

        await RateLimitAssert.IsTooManyRequestsAsync(response);
    }

    [Test]
    public async Task The_429_does_not_tell_whether_the_email_has_an_account()
    {
        using var user = await _factory.SignInAsync(email: "ada@example.com", withPassword: true);
        await SpendBudgetAsync("ada@example.com");
        await SpendBudgetAsync("nobody@example.com");

        using var known = await SignInAsync("ada@example.com", "not the password");
        using var unknown = await SignInAsync("nobody@example.com", "not the password");

        var knownProblem = await RateLimitAssert.IsTooManyRequestsAsync(known);
        var unknownProblem = await RateLimitAssert.IsTooManyRequestsAsync(unknown);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknownProblem.Type, Is.EqualTo(knownProblem.Type));
            Assert.That(unknownProblem.Title, Is.EqualTo(knownProblem.Title));
            Assert.That(unknownProblem.Detail, Is.EqualTo(knownProblem.Detail));
            Assert.That(unknown.Headers.RetryAfter, Is.EqualTo(known.Headers.RetryAfter));
        }
    }

    [Test]
    public async Task Sign_in_over_the_budget_is_refused_even_with_the_right_password()
    {
        using var user = await _factory.SignInAsync(email: "ada@example.com", withPassword: true);
        await SpendBudgetAsync("ada@example.com");

        using var response = await SignInAsync("ada@example.com", UsersApiFactory.Password);

        await RateLimitAssert.IsTooManyRequestsAsync(response);
    }

    [Test]
    public async Task Emails_share_a_budget_regardless_of_case_and_surrounding_spaces()
    {
        using var first = await SignInAsync("ada@example.com", "not the password");
        using var second = await SignInAsync("  ADA@Example.com ", "not the password");

        using var third = await SignInAsync("Ada@EXAMPLE.COM ", "not the password");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        await RateLimitAssert.IsTooManyRequestsAsync(third);
    }

    [Test]
    public async Task Other_emails_keep_their_budget()
    {
        await SpendBudgetAsync("ada@example.com");

        using var response = await SignInAsync("grace@example.com", "not the password");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Sign_ups_count_against_the_budget_of_their_email()
    {
        using var signUp = await NextPeerAsync(peer => _client.PostFromAsync(
            AuthCalls.SignUp, new { email = "ada@example.com", fullName = "Ada Lovelace", password = AuthCalls.StrongPassword }, peer));
        using var signIn = await SignInAsync("ada@example.com", AuthCalls.StrongPassword);

        using var response = await SignInAsync("ada@example.com", AuthCalls.StrongPassword);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(signUp.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await RateLimitAssert.IsTooManyRequestsAsync(response);
    }

    [Test]
    public async Task Sign_up_over_the_budget_of_its_email_is_429_and_stores_no_account()
    {
        await SpendBudgetAsync("ada@example.com");

        using var response = await NextPeerAsync(peer => _client.PostFromAsync(
            AuthCalls.SignUp, new { email = "ada@example.com", fullName = "Ada Lovelace", password = AuthCalls.StrongPassword }, peer));

        await RateLimitAssert.IsTooManyRequestsAsync(response);
        using var stored = await Client.GetAsync($"{UsersClient.Path}?search=ada@example.com");
        Assert.That((await stored.ReadAsync<UserPage>()).Items, Is.Empty);
    }

    /// <summary>Spends an email's budget with wrong-password sign-ins, each from a new address.</summary>
    private async Task SpendBudgetAsync(string email)
    {
        for (var attempt = 1; attempt <= PermitLimit; attempt++)
        {
            using var response = await SignInAsync(email, "not the password");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {attempt}");
        }
    }

    private Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        NextPeerAsync(peer => _client.SignInFromAsync(email, password, peer));

    /// <summary>Sends from an address no earlier request of the test came from, so only the email's budget is shared.</summary>
    private Task<HttpResponseMessage> NextPeerAsync(Func<string, Task<HttpResponseMessage>> send) =>
        send($"192.0.2.{++_peers}");
}
