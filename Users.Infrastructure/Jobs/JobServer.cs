using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Users.Application.Jobs;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// This node's Hangfire server, when its role runs jobs: the configured workers take jobs from the configured queues.
/// An <see cref="JobRole.Api"/> node has none and only enqueues. Hangfire starts the server once the app has started
/// and stops it gracefully when the app stops (running jobs see their cancellation token and are run again later).
/// Hangfire's services are resolved as it starts, not when it is built: the host builds every hosted service before
/// it validates the settings, and a bad setting must be reported as such, not as a failure to build this.
/// </summary>
public sealed partial class JobServer(IServiceProvider services, IOptions<JobsOptions> options, ILogger<JobServer> logger) : IHostedService, IDisposable
{
    private BackgroundJobServerHostedService? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var jobs = options.Value;
        if (!jobs.RunsJobs)
        {
            return Task.CompletedTask;
        }

        // Not an error: other nodes may serve other queues. But a queue no node serves holds its jobs for ever.
        foreach (var type in services.GetServices<OutboxMessageType>().Where(type => !jobs.ServedQueues.Contains(type.Queue)))
        {
            LogQueueNotServed(type.Queue, type.Name);
        }

        var server = new BackgroundJobServerOptions
        {
            WorkerCount = jobs.WorkerCount,
            Queues = [.. jobs.ServedQueues],
            SchedulePollingInterval = jobs.SchedulePollingInterval,
            Activator = services.GetRequiredService<JobActivator>(),
            FilterProvider = services.GetRequiredService<IJobFilterProvider>(),
        };
        _server = new BackgroundJobServerHostedService(
            services.GetRequiredService<JobStorage>(), server, [], services.GetRequiredService<IHostApplicationLifetime>());
        return _server.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _server?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose() => _server?.Dispose();

    [LoggerMessage(LogLevel.Warning, "This node takes no jobs from queue {Queue}, where {MessageType} messages go; some node's Jobs:Queues must list it")]
    private partial void LogQueueNotServed(string queue, string messageType);
}
