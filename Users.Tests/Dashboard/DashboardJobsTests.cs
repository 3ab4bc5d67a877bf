using System.Net;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Users.Api.Jobs;
using Users.Domain.Users;
using Users.Tests.Jobs;
using Users.Tests.Support;

namespace Users.Tests.Dashboard;

/// <summary>
/// What an admin does in the dashboard: reads why a job failed, and uses its buttons, which work with the page's
/// anti-forgery token and do nothing without it.
/// </summary>
public sealed class DashboardJobsTests : DatabaseTest
{
    /// <summary>The reason Hangfire gives the states its dashboard's buttons set.</summary>
    private const string DashboardAction = "Triggered via Dashboard UI";

    /// <summary>A test that failed while a handler was held must not leave the shared app's worker busy.</summary>
    [TearDown]
    public void ReleaseHeldHandlers() => App.Handled().ReleaseAll();

    [Test]
    public async Task Failed_job_is_listed_with_the_reason_it_failed()
    {
        var label = $"dashboard-{Guid.NewGuid():N}";
        var messageId = await App.StageOneAsync(new TestMessage(label, Fails: true));
        var (jobId, _) = await App.WaitForJobAsync(messageId, FailedState.StateName);
        using var browser = App.Browser();

        using var response = await browser.GetDashboardAsync($"{JobsDashboard.Path}/jobs/failed", App.IssueToken(UserRole.Admin));

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page, Does.Contain($"href=\"{JobsDashboard.Path}/jobs/details/{jobId}\""), "a link to the job");
            Assert.That(page, Does.Contain($"Outbox: {nameof(TestMessage)} {messageId}"), "the job's name");
            Assert.That(page, Does.Contain(typeof(InvalidOperationException).FullName));
            Assert.That(page, Does.Contain($"{TestMessageHandler.FailureReason} ({label})."), "the exception's message");
        }
    }

    [Test]
    public async Task Dashboard_page_gives_its_scripts_the_anti_forgery_token_of_the_session()
    {
        var session = App.IssueToken(UserRole.Admin);
        using var browser = App.Browser();

        using var response = await browser.GetDashboardAsync(JobsDashboard.Path, session);

        var (header, token) = DashboardCalls.AntiforgeryOf(await response.Content.ReadAsStringAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(header, Is.EqualTo(JobsDashboardAntiforgery.HeaderName));
            Assert.That(token, Is.EqualTo(JobsDashboardAntiforgery.TokenFor(session)));
            Assert.That(token, Does.Not.Contain(session), "the page never shows the access token itself");
        }
    }

    [Test]
    public async Task Button_with_the_pages_anti_forgery_token_changes_the_job()
    {
        var jobId = App.ScheduleIdleJob();
        var session = App.IssueToken(UserRole.Admin);
        using var browser = App.Browser();
        var token = await AntiforgeryTokenAsync(browser, session);

        using var response = await browser.PostDashboardAsync($"{JobsDashboard.Path}/jobs/actions/delete/{jobId}", session, token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var state = App.JobState(jobId);
        Assert.That((state?.Name, state?.Reason), Is.EqualTo((DeletedState.StateName, DashboardAction)));
    }

    [Test]
    public async Task Retry_button_requeues_a_failed_job()
    {
        var messageId = await App.StageOneAsync(new TestMessage($"retried-{Guid.NewGuid():N}", Fails: true));
        var (jobId, _) = await App.WaitForJobAsync(messageId, FailedState.StateName);
        var session = App.IssueToken(UserRole.Admin);
        using var browser = App.Browser();
        var token = await AntiforgeryTokenAsync(browser, session);

        using var response = await browser.PostDashboardAsync($"{JobsDashboard.Path}/jobs/actions/requeue/{jobId}", session, token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var history = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId).History;
        Assert.That(
            history.Select(state => (state.StateName, state.Reason)),
            Does.Contain((EnqueuedState.StateName, DashboardAction)),
            "enqueued again after it failed");
    }

    [TestCase(null, TestName = "Button_without_an_anti_forgery_token_is_refused_and_changes_nothing")]
    [TestCase("forged", TestName = "Button_with_a_wrong_anti_forgery_token_is_refused_and_changes_nothing")]
    public async Task Button_without_the_right_anti_forgery_token_is_refused_and_changes_nothing(string? token)
    {
        var jobId = App.ScheduleIdleJob();
        using var browser = App.Browser();

        using var response = await browser.PostDashboardAsync(
            $"{JobsDashboard.Path}/jobs/actions/delete/{jobId}", App.IssueToken(UserRole.Admin), token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Is.EqualTo(JobsDashboardAuthorization.ForgedAction));
            Assert.That(App.JobState(jobId)?.Name, Is.EqualTo(ScheduledState.StateName));
        }
    }

    [Test]
    public async Task Button_token_of_another_session_is_refused()
    {
        var jobId = App.ScheduleIdleJob();
        using var browser = App.Browser();
        var othersToken = JobsDashboardAntiforgery.TokenFor(App.IssueToken(UserRole.Admin));

        using var response = await browser.PostDashboardAsync(
            $"{JobsDashboard.Path}/jobs/actions/delete/{jobId}", App.IssueToken(UserRole.Admin), othersToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(App.JobState(jobId)?.Name, Is.EqualTo(ScheduledState.StateName));
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string session)
    {
        using var page = await browser.GetDashboardAsync(JobsDashboard.Path, session);
        var (_, token) = DashboardCalls.AntiforgeryOf(await page.Content.ReadAsStringAsync());
        Assert.That(token, Is.Not.Null, "the page's anti-forgery token");
        return token!;
    }
}
