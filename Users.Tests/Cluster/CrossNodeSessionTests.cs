using System.Net;
using Users.Api.Jobs;
using Users.Domain.Users;
using Users.Infrastructure.Jobs;
using Users.Tests.Accounts;
using Users.Tests.Dashboard;
using Users.Tests.Support;

namespace Users.Tests.Cluster;

/// <summary>
/// What a client holds works on whichever node a balancer sends it to: access tokens (every node has the same keys),
/// refresh tokens (the database holds them), and the jobs dashboard's session and its anti-forgery token (derived from
/// the session's token, with no node-local keys).
/// </summary>
public sealed class CrossNodeSessionTests : DatabaseTest
{
    private UsersApiFactory _first = null!;
    private UsersApiFactory _second = null!;

    [OneTimeSetUp]
    public void StartTwoNodes()
    {
        _first = Node();
        _second = Node();
    }

    [OneTimeTearDown]
    public async Task StopNodesAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Test]
    public async Task An_access_token_from_one_node_is_accepted_by_the_other()
    {
        using var user = await App.SignInAsync(email: "ada@example.com", withPassword: true);
        using var one = _first.Anonymous();
        var tokens = await one.TokenAsync("ada@example.com");

        using var other = _second.Anonymous();
        other.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        using var response = await other.GetAsync("/api/v1/users/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_refresh_token_from_one_node_refreshes_on_the_other_and_its_reuse_is_caught_on_the_first()
    {
        using var user = await App.SignInAsync(email: "ada@example.com", withPassword: true);
        using var one = _first.Anonymous();
        using var other = _second.Anonymous();
        var tokens = await one.TokenAsync("ada@example.com");

        var refreshed = await other.RefreshAsync(tokens.RefreshToken);
        var reuse = await one.RefreshStatusAsync(tokens.RefreshToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reuse, Is.EqualTo(HttpStatusCode.Unauthorized), "the used token is refused on the first node");
            Assert.That(await one.RefreshStatusAsync(refreshed.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized), "its reuse revoked the sign-in");
        }
    }

    [Test]
    public async Task A_dashboard_session_opened_on_one_node_works_on_the_other_with_its_anti_forgery_token()
    {
        var jobId = App.ScheduleIdleJob();
        using var one = _first.Browser();
        using var other = _second.Browser();
        using var opened = await one.OpenSessionAsync(_first.IssueToken(UserRole.Admin));
        var session = DashboardCalls.SessionCookieOf(opened).Value.Value!;

        using var page = await other.GetDashboardAsync(JobsDashboard.Path, session);
        var (_, token) = DashboardCalls.AntiforgeryOf(await page.Content.ReadAsStringAsync());
        using var action = await one.PostDashboardAsync($"{JobsDashboard.Path}/jobs/actions/delete/{jobId}", session, token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the other node admits the session");
            Assert.That(action.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the first node takes the other's page token");
        }
    }

    private static UsersApiFactory Node() =>
        new(TestDatabase.ConnectionString, new Dictionary<string, string?> { ["Jobs:Role"] = nameof(JobRole.Api) });
}
