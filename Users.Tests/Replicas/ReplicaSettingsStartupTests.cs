using Users.Tests.Support;

namespace Users.Tests.Replicas;

/// <summary>The replica's settings are checked at start-up: a bad one stops the service and names itself.</summary>
public sealed class ReplicaSettingsStartupTests
{
    [TestCase("ConnectionStrings:UsersReplica", "Host=127.0.0.1;Port=notaport")]
    [TestCase("ConnectionStrings:UsersReplica", "Port=5432;Database=users")]
    [TestCase("Database:MaxReplicaLag", "00:00:00")]
    [TestCase("Database:MaxReplicaLag", "-00:00:01")]
    [TestCase("Database:ReplicaCheckInterval", "00:00:00.010")]
    [TestCase("Database:ReplicaCheckInterval", "01:00:00")]
    public async Task App_does_not_start_with_a_bad_replica_setting(string setting, string value)
    {
        await using var factory = ConfiguredApiFactory.OnTestDatabase(new Dictionary<string, string?>
        {
            [setting] = value,
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying(setting);
    }
}
