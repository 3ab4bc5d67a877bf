using Users.Domain.Users;

namespace Users.Tests.Domain;

public sealed class UserTests
{
    // 1234567 ticks past the second: the last tick digit (100 ns) is below the microsecond a store keeps.
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567);
    private static readonly DateTimeOffset NowInMicroseconds = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234560);
    private static readonly DateTimeOffset Later = Now.AddHours(1).AddTicks(1);
    private static readonly DateTimeOffset LaterInMicroseconds = NowInMicroseconds.AddHours(1);

    [Test]
    public void Create_trims_email_and_full_name_and_keeps_the_email_case()
    {
        var user = User.Create("  Ada@Example.COM \t", "\n Ada Lovelace  ", isActive: false, UserRole.User, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.Email, Is.EqualTo("Ada@Example.COM"));
            Assert.That(user.FullName, Is.EqualTo("Ada Lovelace"));
            Assert.That(user.IsActive, Is.False);
        }
    }

    [Test]
    public void Create_makes_a_version_7_id_from_the_creation_time()
    {
        var user = User.Create("ada@example.com", "Ada", isActive: true, UserRole.User, Now);

        var bytes = user.Id.ToByteArray(bigEndian: true);
        var milliseconds = bytes.Take(6).Aggregate(0L, (value, b) => (value << 8) | b);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.Id.Version, Is.EqualTo(7));
            Assert.That(milliseconds, Is.EqualTo(Now.ToUnixTimeMilliseconds()));
        }
    }

    [Test]
    public void Create_makes_a_different_id_each_time()
    {
        var first = User.Create("ada@example.com", "Ada", isActive: true, UserRole.User, Now);
        var second = User.Create("ada@example.com", "Ada", isActive: true, UserRole.User, Now);

        Assert.That(first.Id, Is.Not.EqualTo(second.Id));
    }

    [Test]
    public void Create_sets_created_and_updated_at_to_the_time_truncated_to_microseconds()
    {
        var user = User.Create("ada@example.com", "Ada", isActive: true, UserRole.User, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.CreatedAt, Is.EqualTo(NowInMicroseconds));
            Assert.That(user.CreatedAt.UtcTicks % 10, Is.Zero);
            Assert.That(user.UpdatedAt, Is.EqualTo(user.CreatedAt));
        }
    }

    [Test]
    public void Create_stores_times_in_utc()
    {
        var user = User.Create("ada@example.com", "Ada", isActive: true, UserRole.User, Now.ToOffset(TimeSpan.FromHours(2)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(user.CreatedAt.UtcDateTime, Is.EqualTo(NowInMicroseconds.UtcDateTime));
        }
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Create_rejects_a_blank_full_name(string fullName)
    {
        Assert.That(() => User.Create("ada@example.com", fullName, isActive: true, UserRole.User, Now), Throws.ArgumentException);
    }

    [Test]
    public void Create_accepts_a_full_name_of_200_characters_and_rejects_201()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => User.Create("ada@example.com", new string('a', 200), isActive: true, UserRole.User, Now), Throws.Nothing);
            Assert.That(() => User.Create("ada@example.com", new string('a', 201), isActive: true, UserRole.User, Now), Throws.ArgumentException);
        }
    }

    [TestCase("ada.example.com")]
    [TestCase("")]
    [TestCase("   ")]
    public void Create_rejects_an_email_without_an_at_sign(string email)
    {
        Assert.That(() => User.Create(email, "Ada", isActive: true, UserRole.User, Now), Throws.ArgumentException);
    }

    [Test]
    public void Create_accepts_an_email_of_254_characters_and_rejects_255()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => User.Create(new string('a', 242) + "@example.com", "Ada", isActive: true, UserRole.User, Now), Throws.Nothing);
            Assert.That(() => User.Create(new string('a', 243) + "@example.com", "Ada", isActive: true, UserRole.User, Now), Throws.ArgumentException);
        }
    }

    [Test]
    public void ChangeEmail_trims_the_email_and_moves_updated_at_only()
    {
        var user = User.Create("ada@example.com", "Ada", isActive: true, UserRole.User, Now);

        user.ChangeEmail("  countess@example.com ", Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.Email, Is.EqualTo("countess@example.com"));
            Assert.That(user.UpdatedAt, Is.EqualTo(LaterInMicroseconds));
            Assert.That(user.CreatedAt, Is.EqualTo(NowInMicroseconds));
        }
    }

    [Test]
    public void Rename_trims_the_name_and_moves_updated_at_only()
    {
        var user = User.Create("ada@example.com", "Ada", isActive: true, UserRole.User, Now);

        user.Rename("  Ada King ", Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.FullName, Is.EqualTo("Ada King"));
            Assert.That(user.UpdatedAt, Is.EqualTo(LaterInMicroseconds));
            Assert.That(user.CreatedAt, Is.EqualTo(NowInMicroseconds));
        }
    }

    [Test]
    public void SetActive_changes_the_flag_and_moves_updated_at_only()
    {
        var user = User.Create("ada@example.com", "Ada", isActive: true, UserRole.User, Now);

        user.SetActive(false, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.IsActive, Is.False);
            Assert.That(user.UpdatedAt, Is.EqualTo(LaterInMicroseconds));
            Assert.That(user.CreatedAt, Is.EqualTo(NowInMicroseconds));
        }
    }

    [Test]
    public void ChangeEmail_to_an_invalid_email_throws_and_leaves_the_user_unchanged()
    {
        var user = User.Create("ada@example.com", "Ada", isActive: true, UserRole.User, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => user.ChangeEmail("no-at-sign", Later), Throws.ArgumentException);
            Assert.That(user.Email, Is.EqualTo("ada@example.com"));
            Assert.That(user.UpdatedAt, Is.EqualTo(NowInMicroseconds));
        }
    }

    [Test]
    public void Rename_to_a_blank_name_throws_and_leaves_the_user_unchanged()
    {
        var user = User.Create("ada@example.com", "Ada", isActive: true, UserRole.User, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => user.Rename("   ", Later), Throws.ArgumentException);
            Assert.That(user.FullName, Is.EqualTo("Ada"));
            Assert.That(user.UpdatedAt, Is.EqualTo(NowInMicroseconds));
        }
    }
}
