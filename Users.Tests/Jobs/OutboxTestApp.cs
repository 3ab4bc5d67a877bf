using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Users.Application.Common;
using Users.Application.Jobs;
using Users.Infrastructure.Jobs;
using Users.Infrastructure.Persistence;
using Users.Tests.Support;

namespace Users.Tests.Jobs;

/// <summary>What the jobs tests do with a test app: stage test messages as a request would, and watch their jobs.</summary>
public static class OutboxTestApp
{
    /// <summary>Stages the messages through the outbox and commits them in one unit of work; returns their ids, in order.</summary>
    public static async Task<IReadOnlyList<Guid>> StageAsync(this UsersApiFactory app, params TestMessage[] messages)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        foreach (var message in messages)
        {
            outbox.Add(message);
        }

        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        var staged = scope.ServiceProvider.GetRequiredService<UsersDbContext>().ChangeTracker.Entries<OutboxMessage>()
            .Select(entry => entry.Entity)
            .ToDictionary(message => JsonSerializer.Deserialize<TestMessage>(message.Payload, Outbox.Json)!.Label, message => message.Id);
        return [.. messages.Select(message => staged[message.Label])];
    }

    public static async Task<Guid> StageOneAsync(this UsersApiFactory app, TestMessage message) => (await app.StageAsync(message))[0];

    public static HandledTestMessages Handled(this UsersApiFactory app) => app.Services.GetRequiredService<HandledTestMessages>();

    public static async Task<OutboxMessage?> OutboxMessageAsync(this UsersApiFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UsersDbContext>().OutboxMessages.SingleOrDefaultAsync(message => message.Id == id);
    }

    public static async Task<int> OutboxCountAsync(this UsersApiFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UsersDbContext>().OutboxMessages.CountAsync();
    }

    /// <summary>The job's current state in Hangfire's storage (name, reason and data), or null when there is no such job.</summary>
    public static StateData? JobState(this UsersApiFactory app, string jobId)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId);
    }

    /// <summary>Waits until the message is dispatched and its job is in <paramref name="state"/>; returns the job id and that state.</summary>
    public static async Task<(string JobId, StateData State)> WaitForJobAsync(this UsersApiFactory app, Guid messageId, string state)
    {
        var message = await Poll.UntilAsync(
            () => app.OutboxMessageAsync(messageId), seen => seen?.JobId is not null, $"message {messageId} to be dispatched", context: app.DescribeJobs);
        var data = await app.WaitForJobStateAsync(message!.JobId!, state);
        return (message.JobId!, data);
    }

    public static async Task<StateData> WaitForJobStateAsync(this UsersApiFactory app, string jobId, string state) =>
        (await Poll.UntilAsync(() => Task.FromResult(app.JobState(jobId)), seen => seen?.Name == state, $"job {jobId} to be {state}", context: app.DescribeJobs))!;

    /// <summary>What Hangfire's storage says about servers and jobs: for the message of a test that waited in vain.</summary>
    public static string DescribeJobs(this UsersApiFactory app)
    {
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var servers = monitoring.Servers().Select(server => $"{server.Name} ({server.WorkersCount} workers on {string.Join(",", server.Queues)}, beat {server.Heartbeat:O})");
        var processing = monitoring.ProcessingJobs(0, 20).Select(job => $"{job.Key} on {job.Value.ServerId} since {job.Value.StartedAt:O}");
        var enqueued = monitoring.Queues().Select(queue => $"{queue.Name}: {queue.Length} enqueued, {queue.Fetched} fetched");
        return $"Servers: {string.Join("; ", servers)}. Processing: {string.Join("; ", processing)}. Queues: {string.Join("; ", enqueued)}. Now {DateTime.UtcNow:O}.";
    }

    /// <summary>Hangfire's count of jobs in each state other than Succeeded (and Deleted), in every queue.</summary>
    public static long UnfinishedJobCount(this UsersApiFactory app)
    {
        var statistics = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();
        return statistics.Enqueued + statistics.Scheduled + statistics.Processing + statistics.Failed;
    }

    public static long SucceededJobCount(this UsersApiFactory app) =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().SucceededListCount();
}
