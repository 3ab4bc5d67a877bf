using System.Diagnostics.Metrics;
using Users.Application.Common;

namespace Users.Infrastructure.Replicas;

/// <summary>Where list and search reads went, and the replica's measured lag.</summary>
public sealed class ReplicaMetrics
{
    private static readonly KeyValuePair<string, object?> OnReplica = new("target", "replica");
    private static readonly KeyValuePair<string, object?> OnPrimary = new("target", "primary");

    private readonly Counter<long> _reads;

    public ReplicaMetrics(IMeterFactory meters, ReplicaState state)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(state);
        var meter = meters.Create(UsersMeter.Name);
        _reads = meter.CreateCounter<long>(
            "users.db.list_reads", unit: "{read}", description: "List and search reads, by the server that answered: replica or primary.");
        meter.CreateObservableGauge<double>(
            "users.db.replica.lag",
            () => state.Current.Lag is { } lag ? [new Measurement<double>(lag.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            unit: "s",
            description: "How far the replica's replay is behind the primary, as last measured; absent while it cannot be measured.");
    }

    public void ReadOnReplica() => _reads.Add(1, OnReplica);

    public void ReadOnPrimary() => _reads.Add(1, OnPrimary);
}
