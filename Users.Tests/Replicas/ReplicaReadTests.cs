using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Users.Application.Common;
using Users.Application.Users;
using Users.Infrastructure.Jobs;
using Users.Infrastructure.Replicas;
using Users.Tests.Cluster;
using Users.Tests.Support;

namespace Users.Tests.Replicas;

/// <summary>
/// List and search on a real hot standby (<see cref="TestReplica"/>): served by it while it keeps up, by the primary
/// when it falls behind or goes away, and never with an error. Which server answered is told by the data itself: with
/// the replica's replay paused, a user written on the primary is missing from the replica's answer only.
/// </summary>
public sealed class ReplicaReadTests : DatabaseTest
{
    private static readonly KeyValuePair<string, object?> OnReplica = new("target", "replica");
    private static readonly KeyValuePair<string, object?> OnPrimary = new("target", "primary");

    [TearDown]
    public Task ResumeReplayAsync() => TestReplica.ResumeReplayAsync();

    [Test]
    public async Task A_replica_within_the_allowed_lag_serves_the_list()
    {
        await using var node = Node(TestReplica.ConnectionString, maxLag: "01:00:00");
        using var client = node.AsAdmin();
        await client.CreateUserAsync("before@example.com", "Before Pause");
        await TestReplica.UntilCaughtUpAsync();
        await UntilServingAsync(node);
        using var replicaReads = new CounterReading(node.Services, UsersMeter.Name, "users.db.list_reads", OnReplica);

        await TestReplica.PauseReplayAsync();
        await client.CreateUserAsync("after@example.com", "After Pause");
        var emails = await ListEmailsAsync(client);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(emails, Does.Contain("before@example.com").And.Not.Contain("after@example.com"), "the replica's data, a write behind");
            Assert.That(replicaReads.Total, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_replica_further_behind_than_allowed_is_bypassed()
    {
        await using var node = Node(TestReplica.ConnectionString, maxLag: "00:00:00.300");
        using var client = node.AsAdmin();
        await TestReplica.UntilCaughtUpAsync();
        await UntilServingAsync(node);

        await TestReplica.PauseReplayAsync();
        await client.CreateUserAsync("after@example.com", "After Pause");
        await Poll.UntilAsync(() => NodeReadiness.ReadAsync(node), seen => seen == (HttpStatusCode.OK, "Degraded"), "the node to find the replica behind");
        using var primaryReads = new CounterReading(node.Services, UsersMeter.Name, "users.db.list_reads", OnPrimary);
        var emails = await ListEmailsAsync(client);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(emails, Does.Contain("after@example.com"), "the primary's data");
            Assert.That(primaryReads.Total, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_replica_that_goes_away_is_replaced_by_the_primary_without_an_error()
    {
        await using var proxy = new TcpProxy(TestReplica.ConnectionString);
        await using var node = Node(proxy.Route(TestReplica.ConnectionString), maxLag: "01:00:00");
        using var client = node.AsAdmin();
        await client.CreateUserAsync("ada@example.com", "Ada Lovelace");
        await TestReplica.UntilCaughtUpAsync();
        await UntilServingAsync(node);
        using var primaryReads = new CounterReading(node.Services, UsersMeter.Name, "users.db.list_reads", OnPrimary);

        await proxy.BreakAsync();
        using var response = await client.GetAsync("/api/v1/users?search=lovelace");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            Assert.That((await response.ReadAsync<UserPage>()).Items.Select(user => user.Email), Is.EqualTo((string[])["ada@example.com"]));
            Assert.That(primaryReads.Total, Is.EqualTo(1), "answered by the primary");
        }
    }

    [Test]
    public async Task A_replica_back_after_an_outage_serves_the_next_list_on_fresh_connections()
    {
        await using var proxy = new TcpProxy(TestReplica.ConnectionString);
        await using var node = Node(proxy.Route(TestReplica.ConnectionString), maxLag: "01:00:00");
        using var client = node.AsAdmin();
        await TestReplica.UntilCaughtUpAsync();
        await UntilServingAsync(node);
        await ListEmailsAsync(client);
        await proxy.BreakAsync();
        await Poll.UntilAsync(() => NodeReadiness.ReadAsync(node), seen => seen == (HttpStatusCode.OK, "Degraded"), "the node to find the replica unreachable");
        proxy.Restore();
        await UntilServingAsync(node);
        using var replicaReads = new CounterReading(node.Services, UsersMeter.Name, "users.db.list_reads", OnReplica);

        await ListEmailsAsync(client);

        Assert.That(replicaReads.Total, Is.EqualTo(1), "served by the replica, not by the primary after a dead pooled connection");
    }

    [Test]
    public async Task Readiness_stays_200_and_says_Degraded_while_the_replica_is_unreachable()
    {
        // Nothing listens on port 1: every connection to this "replica" is refused.
        await using var node = Node("Host=127.0.0.1;Port=1;Database=users_tests;Username=postgres", maxLag: "00:00:05");
        using var client = node.AsAdmin();
        await Poll.UntilAsync(() => NodeReadiness.ReadAsync(node), seen => seen == (HttpStatusCode.OK, "Degraded"), "the node to find the replica unreachable");

        using var response = await client.GetAsync("/api/v1/users");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(JobRole.Api, true)]
    [TestCase(JobRole.Both, true)]
    [TestCase(JobRole.Worker, false)]
    public async Task Only_a_node_that_serves_clients_watches_the_replica(JobRole role, bool watches)
    {
        await using var node = Node(TestReplica.ConnectionString, maxLag: "00:00:05", role);

        var monitors = node.Services.GetServices<IHostedService>().OfType<ReplicaMonitor>();

        Assert.That(monitors.Any(), Is.EqualTo(watches));
    }

    private static UsersApiFactory Node(string replica, string maxLag, JobRole role = JobRole.Api) => new(
        TestDatabase.ConnectionString,
        new Dictionary<string, string?>
        {
            ["Jobs:Role"] = role.ToString(),
            ["ConnectionStrings:UsersReplica"] = replica,
            ["Database:MaxReplicaLag"] = maxLag,
            ["Database:ReplicaCheckInterval"] = "00:00:00.100",
        });

    private static async Task UntilServingAsync(UsersApiFactory node) =>
        await Poll.UntilAsync(() => NodeReadiness.ReadAsync(node), seen => seen == (HttpStatusCode.OK, "Healthy"), "the node to find the replica serving");

    private static async Task<IReadOnlyList<string>> ListEmailsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/users?limit=100");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return [.. (await response.ReadAsync<UserPage>()).Items.Select(user => user.Email)];
    }
}
