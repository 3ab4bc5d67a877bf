using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Users.Application.Jobs;
using Users.Domain.Common;
using Users.Infrastructure.Jobs;
using Users.Tests.Support;

namespace Users.Tests.Jobs;

/// <summary>
/// Several nodes of the service on one database, as in production: job servers side by side, an API node that only
/// enqueues, a node that starts after another died or while the database is down, a message enqueued twice. On a
/// database of their own, so that the shared test app's job server and dispatcher take no part; the nodes share one
/// record of what was handled.
/// </summary>
public sealed class JobNodesTests
{
    private static readonly string Database = TestDatabase.Sibling("jobs");

    private readonly List<UsersApiFactory> _nodes = [];
    private HandledTestMessages _handled = null!;

    [OneTimeSetUp]
    public Task PrepareDatabaseAsync() => TestDatabase.PrepareAsync(Database);

    [SetUp]
    public async Task ResetAsync()
    {
        await TestDatabase.ResetAsync(Database);
        _handled = new HandledTestMessages();
    }

    [TearDown]
    public async Task StopNodesAsync()
    {
        _handled.ReleaseAll();
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        _nodes.Clear();
    }

    [Test]
    public async Task Two_job_servers_run_jobs_side_by_side_and_handle_each_message_exactly_once()
    {
        var first = Start(JobRole.Worker);
        var second = Start(JobRole.Worker);
        var labels = Enumerable.Range(1, 20).Select(n => $"message-{n}").ToList();

        // Half committed on each node; every message holds its worker until all four workers (two per server) are busy.
        var ids = (await first.StageAsync([.. labels.Take(10).Select(label => new TestMessage(label, Holds: true))]))
            .Concat(await second.StageAsync([.. labels.Skip(10).Select(label => new TestMessage(label, Holds: true))]))
            .ToList();
        await Poll.UntilAsync(() => labels.Sum(_handled.StartedCount) == 4, "both servers' workers to be busy");
        _handled.Release(labels);
        foreach (var id in ids)
        {
            await first.WaitForJobAsync(id, SucceededState.StateName);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(labels.Select(_handled.StartedCount), Is.All.EqualTo(1));
            Assert.That(labels.Select(_handled.FinishedCount), Is.All.EqualTo(1));
            Assert.That(first.SucceededJobCount(), Is.EqualTo(ids.Count), "one job per message");
            Assert.That(Servers(first), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task Api_node_enqueues_jobs_and_runs_none_and_a_worker_runs_them()
    {
        var api = Start(JobRole.Api);

        var id = await api.StageOneAsync(new TestMessage("from-the-api"));
        await api.WaitForJobAsync(id, EnqueuedState.StateName);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Servers(api), Is.Empty, "no job server runs on the API node");
            Assert.That(_handled.StartedCount("from-the-api"), Is.Zero);
        }

        var worker = Start(JobRole.Worker);
        await worker.WaitForJobAsync(id, SucceededState.StateName);
        Assert.That(_handled.FinishedCount("from-the-api"), Is.EqualTo(1));
    }

    [Test]
    public async Task Message_enqueued_twice_is_handled_once_even_when_both_jobs_run_at_the_same_time()
    {
        // As after a crash between enqueueing a message's job and recording that it was enqueued.
        var node = Start(JobRole.Both);
        var id = await node.StageOneAsync(new TestMessage("twice", Holds: true));
        var (first, _) = await node.WaitForJobAsync(id, ProcessingState.StateName);
        var jobs = node.Services.GetRequiredService<IBackgroundJobClientV2>();
        var second = OutboxJob.Enqueue(jobs, id, nameof(TestMessage), OutboxMessageType.DefaultQueue);
        await node.WaitForJobStateAsync(second, ProcessingState.StateName);

        _handled.Release("twice");
        await node.WaitForJobStateAsync(second, SucceededState.StateName);
        var third = OutboxJob.Enqueue(jobs, id, nameof(TestMessage), OutboxMessageType.DefaultQueue);
        await node.WaitForJobStateAsync(third, SucceededState.StateName);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.JobState(first)?.Name, Is.EqualTo(SucceededState.StateName));
            Assert.That(_handled.StartedCount("twice"), Is.EqualTo(1));
            Assert.That(_handled.FinishedCount("twice"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Message_a_dead_node_committed_but_never_dispatched_is_dispatched_by_the_next_node_to_start()
    {
        var id = await CommitWithoutDispatchAsync(new TestMessage("left-behind"));

        // No poll during the test: only what the dispatcher does as it starts can find the message.
        var node = Start(JobRole.Both, new() { ["Jobs:Outbox:PollInterval"] = "01:00:00" });

        await node.WaitForJobAsync(id, SucceededState.StateName);
        Assert.That(_handled.FinishedCount("left-behind"), Is.EqualTo(1));
    }

    [Test]
    public async Task Node_started_while_the_database_is_down_prepares_hangfire_schema_and_dispatches_once_it_is_back()
    {
        var fresh = TestDatabase.Sibling("jobs_late");
        await TestDatabase.DropIfExistsAsync(fresh);
        await TestDatabase.CreateIfMissingAsync(fresh);
        await using (var db = TestDatabase.CreateContext(fresh))
        {
            await db.Database.MigrateAsync();
        }

        await using var proxy = new TcpProxy(fresh);
        try
        {
            proxy.Break();
            var node = Start(JobRole.Both, new() { ["ConnectionStrings:Users"] = new NpgsqlConnectionStringBuilder(proxy.Route(fresh)) { Timeout = 2 }.ConnectionString });
            Assert.That(await SchemaVersionAsync(fresh), Is.Zero, "the node started without its database");

            proxy.Restore();
            await Poll.UntilAsync(() => SchemaVersionAsync(fresh), version => version > 0, "Hangfire's schema to be prepared");
            var id = await node.StageOneAsync(new TestMessage("after-outage"));

            // Enqueued is the outbox's part; when the workers run it is Hangfire's (they back off up to 15 s after failures).
            var message = await Poll.UntilAsync(() => node.OutboxMessageAsync(id), seen => seen?.JobId is not null, "the message to be dispatched");
            Assert.That(node.JobState(message!.JobId!), Is.Not.Null);
        }
        finally
        {
            await StopNodesAsync();
            await TestDatabase.DropIfExistsAsync(fresh);
        }
    }

    [Test]
    public async Task Nodes_preparing_hangfire_schema_at_once_on_a_new_database_all_succeed()
    {
        var fresh = TestDatabase.Sibling("jobs_schema");
        await TestDatabase.DropIfExistsAsync(fresh);
        await TestDatabase.CreateIfMissingAsync(fresh);
        try
        {
            var preparing = Enumerable.Range(0, 4).Select(_ => HangfireSchema.PrepareAsync(fresh, TestDatabase.JobsSchema, CancellationToken.None));

            await Task.WhenAll(preparing);

            Assert.That(await SchemaVersionAsync(fresh), Is.EqualTo(await SchemaVersionAsync(TestDatabase.ConnectionString)));
        }
        finally
        {
            await TestDatabase.DropIfExistsAsync(fresh);
        }
    }

    private UsersApiFactory Start(JobRole role, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Jobs:Role"] = role.ToString();
        var node = new UsersApiFactory(Database, settings, services => services.Replace(ServiceDescriptor.Singleton(_handled)));
        _nodes.Add(node);
        _ = node.Services;
        return node;
    }

    private static List<Hangfire.Storage.Monitoring.ServerDto> Servers(UsersApiFactory node) =>
        [.. node.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers()];

    /// <summary>A message in the outbox as a commit leaves it, with no dispatcher told.</summary>
    private static async Task<Guid> CommitWithoutDispatchAsync(TestMessage message)
    {
        await using var db = TestDatabase.CreateContext(Database);
        var now = DateTimeOffset.UtcNow;
        var row = new OutboxMessage(
            UuidV7.Create(now), nameof(TestMessage), JsonSerializer.Serialize(message, Outbox.Json), OutboxMessageType.DefaultQueue, now, traceParent: null, traceState: null);
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    /// <summary>The version of Hangfire's schema in the database, 0 when there is none.</summary>
    private static async Task<int> SchemaVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{TestDatabase.JobsSchema}.schema') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return 0;
        }

        await using var version = new NpgsqlCommand($"SELECT max(version) FROM {TestDatabase.JobsSchema}.schema", connection);
        return (int)(await version.ExecuteScalarAsync())!;
    }
}
