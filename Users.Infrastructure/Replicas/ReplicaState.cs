namespace Users.Infrastructure.Replicas;

/// <summary>
/// The replica's latest status, written by <see cref="ReplicaMonitor"/> (and by a read that failed on it) and read by
/// every list: a field read, not a round trip per request.
/// </summary>
public sealed class ReplicaState
{
    private volatile ReplicaStatus _current = ReplicaStatus.Unknown;
    private int _outages;

    public ReplicaStatus Current => _current;

    /// <summary>How many times the replica was found unreachable: connections pooled before the last one may be dead.</summary>
    public int Outages => Volatile.Read(ref _outages);

    public bool ServesReads => _current.Condition == ReplicaCondition.Serving;

    /// <summary>Records <paramref name="status"/> and returns the status it replaces.</summary>
    public ReplicaStatus Set(ReplicaStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Condition == ReplicaCondition.Unreachable)
        {
            Interlocked.Increment(ref _outages);
        }

        return Interlocked.Exchange(ref _current, status);
    }
}
