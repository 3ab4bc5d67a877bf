using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// Drains committed outbox messages into Hangfire, one job per message, on every node, API or worker: a commit wakes
/// its own node's dispatcher at once, with no signal between nodes, and the poll finds what a node that died left.
/// Several dispatchers at once claim disjoint batches (<c>FOR UPDATE SKIP LOCKED</c>). A crash between enqueueing and
/// marking a batch enqueues its messages again later: delivery is at least once, and the job skips what was handled.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    HangfireSchemaSetup schema,
    IOptions<JobsOptions> options,
    DatabaseOutageLog databaseOutage,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outbox = options.Value.Outbox;
        await schema.WaitUntilReadyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await DrainAsync(outbox.BatchSize, stoppingToken);
            await signal.WaitAsync(outbox.PollInterval, stoppingToken);
        }
    }

    /// <summary>
    /// Batch after batch until one comes back short: the outbox is empty, or other nodes hold the rest. Stopping is
    /// looked at between batches, not within one: cut short, a batch's enqueued jobs would be enqueued again.
    /// </summary>
    private async Task DrainAsync(int batchSize, CancellationToken stoppingToken)
    {
        try
        {
            while (await DispatchBatchAsync(batchSize) == batchSize && !stoppingToken.IsCancellationRequested)
            {
            }
        }
#pragma warning disable CA1031 // Whatever failed (the database away, Hangfire's storage refusing a job), the loop must live on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // The messages stay in the outbox for the next round.
            if (DatabaseOutageLog.IsDatabaseFailure(exception))
            {
                databaseOutage.Report("Dispatching outbox messages", exception);
            }
            else
            {
                LogDispatchFailed(exception);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(int batchSize)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClientV2>();
        var dispatched = await scope.ServiceProvider.GetRequiredService<OutboxRepository>().DispatchAsync(
            batchSize,
            message => OutboxJob.Enqueue(jobs, message.Id, message.Type, message.Queue, message.TraceParent, message.TraceState),
            clock,
            CancellationToken.None);
        if (dispatched > 0)
        {
            LogDispatched(dispatched);
        }

        return dispatched;
    }

    [LoggerMessage(LogLevel.Debug, "Dispatched {Count} outbox messages to Hangfire")]
    private partial void LogDispatched(int count);

    [LoggerMessage(LogLevel.Warning, "Dispatching outbox messages failed; they stay in the outbox and are tried again")]
    private partial void LogDispatchFailed(Exception exception);
}
