using System.Text.RegularExpressions;
using Users.Application.Users;

namespace Users.Tests.Users;

public sealed partial class PageCursorTests
{
    // Bytes that standard base64 spells with '+' and '/', and 16 bytes always need '=' padding there.
    private static readonly Guid PlusHeavyId = new([0xFB, 0xEF, 0xBE, 0xFB, 0xEF, 0xBE, 0xFB, 0xEF, 0xBE, 0xFB, 0xEF, 0xBE, 0xFB, 0xEF, 0xBE, 0xFB], bigEndian: true);

    private static IEnumerable<Guid> Ids() =>
    [
        Guid.CreateVersion7(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)),
        Guid.Empty,
        Guid.AllBitsSet,
        PlusHeavyId,
        new Guid("0192f1c4-8a3b-7c2d-9e4f-a1b2c3d4e5f6"),
    ];

    [TestCaseSource(nameof(Ids))]
    public void Encode_then_decode_returns_the_same_id(Guid id)
    {
        var cursor = PageCursor.Encode(id);

        var decoded = PageCursor.TryDecode(cursor, out var lastId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Is.True);
            Assert.That(lastId, Is.EqualTo(id));
        }
    }

    [TestCaseSource(nameof(Ids))]
    public void Cursor_is_url_safe(Guid id)
    {
        var cursor = PageCursor.Encode(id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cursor, Does.Not.Contain('+').And.Not.Contain('/').And.Not.Contain('='));
            Assert.That(UrlSafe().IsMatch(cursor), Is.True, () => $"'{cursor}' has characters outside base64url");
            Assert.That(Uri.EscapeDataString(cursor), Is.EqualTo(cursor));
        }
    }

    [Test]
    public void Url_safety_check_is_not_vacuous_for_the_chosen_ids()
    {
        var standard = Convert.ToBase64String(PlusHeavyId.ToByteArray(bigEndian: true)) +
            Convert.ToBase64String(Guid.AllBitsSet.ToByteArray(bigEndian: true));

        Assert.That(standard, Does.Contain('+').And.Contain('/').And.Contain('='));
    }

    [Test]
    public void Different_ids_give_different_cursors()
    {
        var first = PageCursor.Encode(Guid.CreateVersion7());
        var second = PageCursor.Encode(Guid.CreateVersion7());

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("garbage!!")]
    [TestCase("not a cursor")]
    [TestCase("0192f1c4-8a3b-7c2d-9e4f-a1b2c3d4e5f6")]
    public void TryDecode_rejects_what_the_service_did_not_issue(string? cursor)
    {
        var decoded = PageCursor.TryDecode(cursor, out var lastId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Is.False);
            Assert.That(lastId, Is.EqualTo(Guid.Empty));
        }
    }

    // Well-formed base64url of 15, 17, 18 and 21 bytes, and 21 characters (not a whole number of bytes).
    [TestCase("AAAAAAAAAAAAAAAAAAAA")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAA")]
    public void TryDecode_rejects_a_cursor_of_the_wrong_length(string cursor)
    {
        Assert.That(PageCursor.TryDecode(cursor, out _), Is.False);
    }

    [Test]
    public void TryDecode_rejects_more_than_32_characters()
    {
        var cursor = PageCursor.Encode(Guid.CreateVersion7());
        var tooLong = cursor + new string('A', 33 - cursor.Length);

        Assert.That(PageCursor.TryDecode(tooLong, out _), Is.False);
    }

    [Test]
    public void TryDecode_rejects_a_valid_cursor_with_a_character_appended()
    {
        var cursor = PageCursor.Encode(Guid.CreateVersion7()) + "!";

        Assert.That(PageCursor.TryDecode(cursor, out _), Is.False);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex UrlSafe();
}
