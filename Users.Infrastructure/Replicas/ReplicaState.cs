namespace Users.Infrastructure.Replicas;

/// <summary>
/// The replica's latest status, written by <see cref="ReplicaMonitor"/> (and by a read that failed on it) and read by
/// every list: a field read, not a round trip per request.
/// </summary>
public sealed class ReplicaState
{
    private volatile ReplicaStatus _current = ReplicaStatus.Unknown;

    public ReplicaStatus Current => _current;

    public bool ServesReads => _current.Condition == ReplicaCondition.Serving;

    /// <summary>Records <paramref name="status"/> and returns the status it replaces.</summary>
    public ReplicaStatus Set(ReplicaStatus status) => Interlocked.Exchange(ref _current, status);
}
