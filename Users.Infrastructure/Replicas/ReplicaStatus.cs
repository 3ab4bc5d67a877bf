namespace Users.Infrastructure.Replicas;

/// <summary>The replica as last seen: its condition, its lag when it could be measured, and why it does not serve.</summary>
public sealed record ReplicaStatus(ReplicaCondition Condition, TimeSpan? Lag, string Description)
{
    public static readonly ReplicaStatus Unknown = new(ReplicaCondition.Unknown, null, "The replica has not been measured yet.");
}
