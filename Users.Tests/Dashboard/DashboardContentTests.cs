using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using Users.Api.Jobs;
using Users.Api.Security;
using Users.Domain.Users;
using Users.Tests.Support;

namespace Users.Tests.Dashboard;

/// <summary>
/// The dashboard is HTML with its own scripts and styles: its answers get a content policy that lets those load (and
/// nothing from elsewhere), while the API keeps the policy that loads nothing.
/// </summary>
public sealed partial class DashboardContentTests : DatabaseTest
{
    [Test]
    public async Task Dashboard_page_may_load_its_own_scripts_and_styles_only()
    {
        using var browser = App.Browser();

        using var response = await browser.GetDashboardAsync(JobsDashboard.Path, App.IssueToken(UserRole.Admin));

        var policy = Header(response, "Content-Security-Policy");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy, Does.Contain("default-src 'self'").And.Contain("script-src 'self';").And.Contain("frame-ancestors 'none'"));
            Assert.That(policy, Does.Not.Contain("unsafe-eval").And.Not.Contain("http"), "no scripts from text, nothing from elsewhere");
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "pages with job data are not stored");
        }
    }

    [Test]
    public async Task Scripts_and_styles_the_page_links_load_on_the_session()
    {
        var session = App.IssueToken(UserRole.Admin);
        using var browser = App.Browser();
        using var page = await browser.GetDashboardAsync(JobsDashboard.Path, session);
        var html = await page.Content.ReadAsStringAsync();
        var script = Script().Match(html).Groups[1].Value;
        var stylesheet = Stylesheet().Match(html).Groups[1].Value;

        using var scripts = await browser.GetDashboardAsync(script, session);
        using var styles = await browser.GetDashboardAsync(stylesheet, session);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script, Does.StartWith($"{JobsDashboard.Path}/js"));
            Assert.That(scripts.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(scripts.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/javascript"));
            Assert.That(stylesheet, Does.StartWith($"{JobsDashboard.Path}/css"));
            Assert.That(styles.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(styles.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
        }
    }

    [Test]
    public async Task Dashboard_shows_no_storage_connection_string()
    {
        using var browser = App.Browser();

        using var response = await browser.GetDashboardAsync($"{JobsDashboard.Path}/servers", App.IssueToken(UserRole.Admin));

        var page = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page, Does.Not.Contain(new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString).Database));
        }
    }

    [Test]
    public async Task Api_answers_keep_the_policy_that_loads_nothing()
    {
        using var response = await Client.GetAsync("/api/v1/users");

        Assert.That(Header(response, "Content-Security-Policy"), Is.EqualTo(SecurityHeaders.ApiContentSecurityPolicy));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex Script();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();
}
