using System.Net;
using System.Net.Http.Headers;
using Users.Api.Jobs;
using Users.Domain.Users;
using Users.Tests.Auth;
using Users.Tests.Support;

namespace Users.Tests.Dashboard;

/// <summary>
/// Only admins see <c>/jobs</c>: on the session cookie a browser holds, or on a bearer header. Anyone else gets a
/// problem that says why (401 for no valid token, 403 for a user), never a redirect.
/// </summary>
public sealed class DashboardAccessTests : DatabaseTest
{
    [Test]
    public async Task Anonymous_visitor_is_refused_with_401_and_told_how_to_open_a_session()
    {
        using var browser = App.Browser();

        using var response = await browser.GetDashboardAsync(JobsDashboard.Path, session: null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Is.EqualTo(JobsDashboardAuthorization.SignInFirst));
            Assert.That(response.Headers.Location, Is.Null, "no redirect");
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        }
    }

    [Test]
    public async Task Users_token_in_the_cookie_is_refused_with_403()
    {
        using var browser = App.Browser();

        using var response = await browser.GetDashboardAsync(JobsDashboard.Path, App.IssueToken(UserRole.User));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(problem.Detail, Is.EqualTo(JobsDashboardAuthorization.AdminsOnly));
    }

    [Test]
    public async Task Users_bearer_token_is_refused_with_403()
    {
        using var user = await App.SignInAsync();

        using var response = await user.Client.GetAsync(JobsDashboard.Path);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(problem.Detail, Is.EqualTo(JobsDashboardAuthorization.AdminsOnly));
    }

    [Test]
    public async Task Admins_session_opens_the_dashboard()
    {
        using var browser = App.Browser();

        using var response = await browser.GetDashboardAsync(JobsDashboard.Path, App.IssueToken(UserRole.Admin));

        var page = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page, Does.Contain($" – {JobsDashboard.Title}</title>"), "the title");
            Assert.That(page, Does.Contain("<a href=\"/\">"), "the way back to the site");
        }
    }

    [Test]
    public async Task Admins_bearer_token_opens_the_dashboard()
    {
        using var response = await Client.GetAsync(JobsDashboard.Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Browser_that_opened_a_session_sees_the_dashboard_until_it_closes_it()
    {
        // A browser keeps the cookie the session call sets, and sends it to /jobs; it sends no bearer header there.
        using var browser = App.Anonymous();
        using (var open = new HttpRequestMessage(HttpMethod.Post, DashboardCalls.SessionPath))
        {
            open.Headers.Authorization = new AuthenticationHeaderValue("Bearer", App.IssueToken(UserRole.Admin));
            using var opened = await browser.SendAsync(open);
            Assert.That(opened.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var shown = await browser.GetAsync(JobsDashboard.Path);
        using var closed = await browser.DeleteAsync(DashboardCalls.SessionPath);
        using var afterwards = await browser.GetAsync(JobsDashboard.Path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Expired_session_is_refused_with_401()
    {
        using var browser = App.Browser();
        var session = App.IssueToken(UserRole.Admin);
        App.Clock.Advance(TokenLifetime + TimeSpan.FromMinutes(1));

        using var response = await browser.GetDashboardAsync(JobsDashboard.Path, session);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Tampered_session_is_refused_with_401()
    {
        using var browser = App.Browser();
        var tampered = TokenForge.WithSignatureChanged(App.IssueToken(UserRole.Admin));

        using var response = await browser.GetDashboardAsync(JobsDashboard.Path, tampered);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Users_token_with_its_role_claim_changed_to_admin_is_refused_with_401()
    {
        using var browser = App.Browser();
        var forged = TokenForge.WithClaim(App.IssueToken(UserRole.User), "role", "admin");

        using var response = await browser.GetDashboardAsync(JobsDashboard.Path, forged);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private static TimeSpan TokenLifetime => TokenForge.Lifetime;
}
