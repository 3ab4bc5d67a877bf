using NpgsqlTypes;
using Users.Infrastructure.Replicas;

namespace Users.Tests.Replicas;

public sealed class UnreplayedWalTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_replica_that_has_replayed_every_sampled_position_has_no_lag()
    {
        var wal = new UnreplayedWal();
        wal.PrimaryAt(new NpgsqlLogSequenceNumber(100), Start);
        wal.PrimaryAt(new NpgsqlLogSequenceNumber(200), Start.AddSeconds(1));

        var lag = wal.LagAt(new NpgsqlLogSequenceNumber(200), Start.AddSeconds(30));

        Assert.That(lag, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void The_lag_is_the_age_of_the_oldest_position_not_yet_replayed()
    {
        var wal = new UnreplayedWal();
        wal.PrimaryAt(new NpgsqlLogSequenceNumber(100), Start);
        wal.PrimaryAt(new NpgsqlLogSequenceNumber(200), Start.AddSeconds(1));
        wal.PrimaryAt(new NpgsqlLogSequenceNumber(300), Start.AddSeconds(2));

        var lag = wal.LagAt(new NpgsqlLogSequenceNumber(150), Start.AddSeconds(5));

        Assert.That(lag, Is.EqualTo(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public void A_quiet_primary_gives_no_lag_however_old_its_last_write()
    {
        var wal = new UnreplayedWal();
        wal.PrimaryAt(new NpgsqlLogSequenceNumber(100), Start);
        wal.LagAt(new NpgsqlLogSequenceNumber(100), Start);
        wal.PrimaryAt(new NpgsqlLogSequenceNumber(100), Start.AddHours(1));

        var lag = wal.LagAt(new NpgsqlLogSequenceNumber(100), Start.AddHours(1));

        Assert.That(lag, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Forgotten_positions_count_for_nothing()
    {
        var wal = new UnreplayedWal();
        wal.PrimaryAt(new NpgsqlLogSequenceNumber(500), Start);
        wal.Clear();

        var lag = wal.LagAt(new NpgsqlLogSequenceNumber(100), Start.AddMinutes(1));

        Assert.That(lag, Is.EqualTo(TimeSpan.Zero));
    }
}
