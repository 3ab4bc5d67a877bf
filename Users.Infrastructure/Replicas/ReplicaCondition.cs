namespace Users.Infrastructure.Replicas;

/// <summary>What the last measurement found the replica to be.</summary>
public enum ReplicaCondition
{
    /// <summary>Not measured yet: reads stay on the primary until it is.</summary>
    Unknown,

    /// <summary>Reachable, replaying, and within <c>Database:MaxReplicaLag</c>: list and search read from it.</summary>
    Serving,

    /// <summary>Reachable but further behind than <c>Database:MaxReplicaLag</c>, or not a standby at all.</summary>
    Behind,

    /// <summary>A connection or query failed.</summary>
    Unreachable,
}
