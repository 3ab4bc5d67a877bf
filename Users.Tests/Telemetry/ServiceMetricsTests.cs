using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Users.Application.Accounts;
using Users.Tests.Accounts;
using Users.Tests.Imports;
using Users.Tests.Jobs;
using Users.Tests.Support;

namespace Users.Tests.Telemetry;

/// <summary>
/// The service's own meter counts what happened, with the labels operators filter by: read here from the app's meters
/// in process (the scrape of them over HTTP is <see cref="ManagementPortTests"/>'s subject).
/// </summary>
public sealed class ServiceMetricsTests : DatabaseTest
{
    private MetricCapture _metrics = null!;

    [SetUp]
    public void CaptureMetrics() => _metrics = new MetricCapture(App.Services.GetRequiredService<IMeterFactory>());

    [TearDown]
    public void StopCapturing() => _metrics.Dispose();

    [Test]
    public async Task Sign_ins_are_counted_by_outcome()
    {
        await App.SignInAsync(email: "ada@example.com", withPassword: true);
        var inactive = await App.SignInAsync(email: "bob@example.com", withPassword: true);
        using (await Client.PatchUserAsync(inactive.Id, new { isActive = false }))
        {
        }

        await Anonymous.TokenAsync("ada@example.com", UsersApiFactory.Password);
        await Anonymous.TokenStatusAsync("ada@example.com", "not the right password at all");
        await Anonymous.TokenStatusAsync("nobody@example.com", UsersApiFactory.Password);
        await Anonymous.TokenStatusAsync("bob@example.com", UsersApiFactory.Password);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SignIns(AccountMetrics.Succeeded), Is.EqualTo(1));
            Assert.That(SignIns(AccountMetrics.WrongPassword), Is.EqualTo(1));
            Assert.That(SignIns(AccountMetrics.UnknownAccount), Is.EqualTo(1));
            Assert.That(SignIns(AccountMetrics.Inactive), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_refresh_token_presented_again_is_counted_as_reuse()
    {
        await App.SignInAsync(email: "ada@example.com", withPassword: true);
        var tokens = await Anonymous.TokenAsync("ada@example.com", UsersApiFactory.Password);
        await Anonymous.RefreshAsync(tokens.RefreshToken!);
        var before = _metrics.Sum("users.refresh_token.reuses");

        var status = await Anonymous.RefreshStatusAsync(tokens.RefreshToken!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(before, Is.Zero);
            Assert.That(_metrics.Sum("users.refresh_token.reuses"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_job_is_counted_in_each_state_it_enters()
    {
        await App.StageAsync(new TestMessage("counted"));

        await Poll.UntilAsync(() => JobsIn("succeeded") == 1, "the job to succeed");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JobsIn("enqueued"), Is.EqualTo(1));
            Assert.That(JobsIn("processing"), Is.EqualTo(1));
            Assert.That(JobsIn("failed"), Is.Zero);
        }
    }

    [Test]
    public async Task Import_rows_are_counted_by_outcome_once_written()
    {
        var import = await Client.StartImportAsync(
            "email,fullName\nu1@example.com,User One\nU1@EXAMPLE.COM,User One Again\nnot-an-email,Bad Row\nu2@example.com,User Two\n");

        await App.ProcessImportAsync(import.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_metrics.Sum("users.import.rows", ("outcome", "created")), Is.EqualTo(2));
            Assert.That(_metrics.Sum("users.import.rows", ("outcome", "skipped")), Is.EqualTo(1));
            Assert.That(_metrics.Sum("users.import.rows", ("outcome", "failed")), Is.EqualTo(1));
        }
    }

    private long SignIns(string outcome) => _metrics.Sum("users.sign_ins", ("outcome", outcome));

    private long JobsIn(string state) => _metrics.Sum("users.jobs", ("job", nameof(TestMessage)), ("state", state));
}
