using System.Net;
using Users.Api.Jobs;
using Users.Domain.Users;
using Users.Infrastructure.Jobs;
using Users.Tests.Support;

namespace Users.Tests.Dashboard;

/// <summary>A node that runs no jobs still serves the dashboard: it reads the storage every node shares.</summary>
public sealed class DashboardNodeTests : DatabaseTest
{
    [Test]
    public async Task Api_only_node_shows_jobs_that_another_node_created()
    {
        var jobId = App.ScheduleIdleJob();
        await using var api = new UsersApiFactory(
            TestDatabase.ConnectionString, new Dictionary<string, string?> { ["Jobs:Role"] = nameof(JobRole.Api) });
        using var browser = api.Browser();

        using var response = await browser.GetDashboardAsync($"{JobsDashboard.Path}/jobs/scheduled", api.IssueToken(UserRole.Admin));

        var page = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page, Does.Contain($"href=\"{JobsDashboard.Path}/jobs/details/{jobId}\""));
        }
    }
}
