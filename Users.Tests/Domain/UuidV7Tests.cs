using Users.Domain.Common;

namespace Users.Tests.Domain;

public sealed class UuidV7Tests
{
    [Test]
    public void Ids_made_in_one_millisecond_increase_strictly()
    {
        var now = DateTimeOffset.UtcNow;

        var ids = Enumerable.Range(0, 10_000).Select(_ => UuidV7.Create(now)).ToList();

        Assert.That(ids, Is.Ordered.Ascending.And.Unique);
    }

    [Test]
    public void Ids_keep_increasing_when_the_clock_steps_back_a_little()
    {
        var now = DateTimeOffset.UtcNow.AddHours(1);
        var first = UuidV7.Create(now);

        var second = UuidV7.Create(now.AddMilliseconds(-500));

        Assert.That(second, Is.GreaterThan(first));
    }

    [Test]
    public void Ids_follow_the_clock_when_it_jumps_back_far()
    {
        var now = DateTimeOffset.UtcNow.AddHours(2);
        var first = UuidV7.Create(now);

        var second = UuidV7.Create(now.AddMinutes(-10));

        Assert.That(second, Is.LessThan(first));
    }

    [Test]
    public void Ids_are_version_7_with_the_rfc_variant_and_carry_the_millisecond()
    {
        var now = DateTimeOffset.UtcNow.AddDays(1);

        var id = UuidV7.Create(now);

        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var milliseconds = 0L;
        for (var i = 0; i < 6; i++)
        {
            milliseconds = (milliseconds << 8) | bytes[i];
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(id.Version, Is.EqualTo(7));
            Assert.That(id.Variant & 0xC, Is.EqualTo(0x8));
            Assert.That(milliseconds, Is.EqualTo(now.ToUnixTimeMilliseconds()));
        }
    }
}
