using NpgsqlTypes;

namespace Users.Infrastructure.Replicas;

/// <summary>
/// The replica's lag as time, from the primary's WAL positions sampled over time: how long ago the primary had reached a
/// position the replica has not replayed yet (zero when it has replayed every sampled one). Unlike the age of the last
/// replayed transaction, this stays zero on a quiet primary and does not jump when a checkpoint moves the primary's
/// position a few milliseconds ahead of the replay.
/// </summary>
public sealed class UnreplayedWal
{
    /// <summary>Samples kept at most; beyond them the lag reads as at least the oldest one's age, which is plenty.</summary>
    public const int Capacity = 4096;

    private readonly Queue<(NpgsqlLogSequenceNumber Position, DateTimeOffset SeenAt)> _samples = new();

    /// <summary>Notes that the primary was at <paramref name="position"/> at <paramref name="seenAt"/>.</summary>
    public void PrimaryAt(NpgsqlLogSequenceNumber position, DateTimeOffset seenAt)
    {
        if (_samples.Count == Capacity)
        {
            _samples.Dequeue();
        }

        _samples.Enqueue((position, seenAt));
    }

    /// <summary>The lag at <paramref name="now"/>, given that the replica has replayed up to <paramref name="replayed"/>.</summary>
    public TimeSpan LagAt(NpgsqlLogSequenceNumber replayed, DateTimeOffset now)
    {
        while (_samples.TryPeek(out var oldest) && oldest.Position <= replayed)
        {
            _samples.Dequeue();
        }

        return _samples.TryPeek(out var unreplayed) && now > unreplayed.SeenAt ? now - unreplayed.SeenAt : TimeSpan.Zero;
    }

    /// <summary>Forgets every sample: the primary's positions are not comparable across a failover or a new replica.</summary>
    public void Clear() => _samples.Clear();
}
