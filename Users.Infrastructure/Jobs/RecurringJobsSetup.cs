using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Users.Application.CleanUp;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// Registers the recurring jobs with their schedules from the settings once Hangfire's schema is ready. Every node does
/// it, which is harmless (it updates the one definition) and lets a changed schedule take effect with the next deploy.
/// Hangfire's services are resolved only then, as <see cref="JobServer"/> explains.
/// </summary>
public sealed class RecurringJobsSetup(IServiceProvider services, HangfireSchemaSetup schema, IOptions<CleanUpOptions> cleanUp) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await schema.WaitUntilReadyAsync(stoppingToken);
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<CleanUpJob>(
            CleanUpJob.Id, job => job.RunAsync(CancellationToken.None), cleanUp.Value.Schedule, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}
