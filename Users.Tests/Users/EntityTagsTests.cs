using Users.Api.Users;

namespace Users.Tests.Users;

public sealed class EntityTagsTests
{
    [Test]
    public void Format_quotes_the_version()
    {
        Assert.That(EntityTags.Format(42), Is.EqualTo("\"42\""));
    }

    [Test]
    public void Format_writes_the_largest_version_without_grouping()
    {
        Assert.That(EntityTags.Format(uint.MaxValue), Is.EqualTo("\"4294967295\""));
    }

    [TestCase(null)]
    [TestCase("*")]
    [TestCase(" * ")]
    public void ParseIfMatch_accepts_any_version_when_the_header_is_missing_or_a_star(string? header)
    {
        var expected = EntityTags.ParseIfMatch(header);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expected.IsAny, Is.True);
            Assert.That(expected.Matches(42), Is.True);
        }
    }

    [Test]
    public void ParseIfMatch_of_a_strong_tag_matches_only_its_version()
    {
        var expected = EntityTags.ParseIfMatch("\"42\"");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expected.IsAny, Is.False);
            Assert.That(expected.Matches(42), Is.True);
            Assert.That(expected.Matches(43), Is.False);
        }
    }

    [Test]
    public void ParseIfMatch_round_trips_a_formatted_tag()
    {
        var expected = EntityTags.ParseIfMatch(EntityTags.Format(uint.MaxValue));

        Assert.That(expected.Matches(uint.MaxValue), Is.True);
    }

    [Test]
    public void ParseIfMatch_of_a_list_matches_each_listed_version()
    {
        var expected = EntityTags.ParseIfMatch("\"1\", \"42\"");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expected.Matches(42), Is.True);
            Assert.That(expected.Matches(1), Is.True);
            Assert.That(expected.Matches(2), Is.False);
        }
    }

    [Test]
    public void ParseIfMatch_of_a_weak_tag_matches_nothing()
    {
        var expected = EntityTags.ParseIfMatch("W/\"42\"");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expected.IsAny, Is.False);
            Assert.That(expected.Matches(42), Is.False);
        }
    }

    [TestCase("42")]
    [TestCase("garbage")]
    [TestCase("\"abc\"")]
    [TestCase("\"42")]
    [TestCase("\"-1\"")]
    [TestCase("\"4294967296\"")]
    [TestCase("\"\"")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("**")]
    [TestCase("******")]
    [TestCase("*, \"42\"")]
    [TestCase("\"42\", *")]
    [TestCase("\"42\" garbage")]
    public void ParseIfMatch_of_a_malformed_header_matches_nothing(string header)
    {
        var expected = EntityTags.ParseIfMatch(header);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expected.IsAny, Is.False);
            Assert.That(expected.Matches(42), Is.False);
            Assert.That(expected.Matches(0), Is.False);
        }
    }
}
