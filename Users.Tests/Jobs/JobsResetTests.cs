using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Users.Infrastructure.Jobs;
using Users.Tests.Support;

namespace Users.Tests.Jobs;

/// <summary>The reset before each test empties Hangfire's data too, under the shared test app's running job server.</summary>
public sealed class JobsResetTests : DatabaseTest
{
    [Test]
    public async Task Reset_removes_an_earlier_tests_jobs_and_the_shared_app_still_runs_new_ones()
    {
        var jobs = App.Services.GetRequiredService<IBackgroundJobClient>();
        var earlier = jobs.Create(
            Job.FromExpression<OutboxJob>(job => job.RunAsync(Guid.CreateVersion7(), nameof(TestMessage), CancellationToken.None)),
            new ScheduledState(TimeSpan.FromHours(1)));

        await TestDatabase.ResetAsync();

        Assert.That(App.JobState(earlier), Is.Null);
        var label = $"after-reset-{Guid.NewGuid():N}";
        var id = await App.StageOneAsync(new TestMessage(label));
        await App.WaitForJobAsync(id, SucceededState.StateName);
        Assert.That(App.Handled().FinishedCount(label), Is.EqualTo(1));
    }
}
