using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Net.Http.Headers;
using Users.Api.Jobs;
using Users.Domain.Users;
using Users.Tests.Support;

namespace Users.Tests.Dashboard;

/// <summary>
/// <c>POST /api/v1/auth/jobs-session</c> gives an admin's browser a cookie for the dashboard that holds the admin's
/// access token, for the dashboard only and no longer than the token; nobody else gets one; <c>DELETE</c> clears it.
/// </summary>
public sealed class JobsSessionTests : DatabaseTest
{
    private string AdminToken => Client.DefaultRequestHeaders.Authorization!.Parameter!;

    [Test]
    public async Task Admin_gets_a_cookie_that_holds_the_access_token()
    {
        using var browser = App.Browser();

        using var response = await browser.OpenSessionAsync(AdminToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(DashboardCalls.SessionCookieOf(response).Value.ToString(), Is.EqualTo(AdminToken));
    }

    [Test]
    public async Task Session_cookie_is_http_only_strictly_same_site_and_sent_to_the_dashboard_only()
    {
        using var browser = App.Browser();

        using var response = await browser.OpenSessionAsync(AdminToken);

        var cookie = DashboardCalls.SessionCookieOf(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cookie.HttpOnly, Is.True, "HttpOnly");
            Assert.That(cookie.SameSite, Is.EqualTo(SameSiteMode.Strict));
            Assert.That(cookie.Path.ToString(), Is.EqualTo(JobsDashboard.Path));
            Assert.That(cookie.Domain.HasValue, Is.False, "no Domain: this host only");
            Assert.That(cookie.Secure, Is.False, "plain HTTP cannot carry a Secure cookie");
        }
    }

    [Test]
    public async Task Session_cookie_is_secure_when_the_request_is_https()
    {
        using var browser = App.Browser("https://localhost");

        using var response = await browser.OpenSessionAsync(AdminToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(DashboardCalls.SessionCookieOf(response).Secure, Is.True);
    }

    [Test]
    public async Task Session_cookie_expires_when_the_access_token_does()
    {
        using var browser = App.Browser();
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var token = App.IssueToken(UserRole.Admin);

        using var response = await browser.OpenSessionAsync(token);

        var cookie = DashboardCalls.SessionCookieOf(response);
        Assert.That(cookie.Expires, Is.EqualTo(new DateTimeOffset(new JsonWebToken(token).ValidTo)));
    }

    [Test]
    public async Task User_gets_no_session()
    {
        using var user = await App.SignInAsync();
        using var browser = App.Browser();

        using var response = await browser.OpenSessionAsync(user.AccessToken);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Does.Contain("admins"));
            Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
        }
    }

    [Test]
    public async Task Anonymous_caller_gets_no_session()
    {
        using var browser = App.Browser();

        using var response = await browser.OpenSessionAsync(accessToken: null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
    }

    [Test]
    public async Task Closing_the_session_tells_the_browser_to_drop_the_cookie()
    {
        using var browser = App.Browser();

        using var response = await browser.DeleteAsync(DashboardCalls.SessionPath);

        var cookie = DashboardCalls.SessionCookieOf(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(cookie.Value.ToString(), Is.Empty);
            Assert.That(cookie.Expires, Is.LessThan(DateTimeOffset.UtcNow));
            Assert.That(cookie.Path.ToString(), Is.EqualTo(JobsDashboard.Path), "the path of the cookie it replaces");
        }
    }
}
