using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

public sealed class EmailSyntaxTests
{
    [TestCase("ada@example.com")]
    [TestCase("Ada.Lovelace+analytical@engine.example.co.uk")]
    [TestCase("o'brien@example.ie")]
    [TestCase("user_1-x@sub-domain.example.com")]
    [TestCase("jürgen@bücher.de")]
    [TestCase("a@b.io")]
    public void Accepts_addresses_mail_systems_deliver_to(string email)
    {
        Assert.That(EmailSyntax.IsValid(email), Is.True);
    }

    [TestCase("<script>alert(1)</script>@example.com")]
    [TestCase("\"ada\"@example.com")]
    [TestCase("ada(comment)@example.com")]
    [TestCase("ada@[127.0.0.1]")]
    [TestCase("ada@localhost")]
    [TestCase("ada@@example.com")]
    [TestCase("ada@example@com")]
    [TestCase(".ada@example.com")]
    [TestCase("ada.@example.com")]
    [TestCase("ada..lovelace@example.com")]
    [TestCase("ada@-example.com")]
    [TestCase("ada@example-.com")]
    [TestCase("ada@example..com")]
    [TestCase("ada@example.123")]
    [TestCase("ada@exa mple.com")]
    [TestCase("ada@example.com.")]
    [TestCase("ada\U0001F600@example.com")]
    [TestCase("ada@\U0001F600.example.com")]
    public void Refuses_what_is_not_a_deliverable_address_or_beyond_the_documented_form(string email)
    {
        Assert.That(EmailSyntax.IsValid(email), Is.False);
    }

    [Test]
    public void Local_part_may_have_64_characters_but_not_65()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(EmailSyntax.IsValid(new string('a', 64) + "@example.com"), Is.True);
            Assert.That(EmailSyntax.IsValid(new string('a', 65) + "@example.com"), Is.False);
        }
    }

    [Test]
    public void Domain_label_may_have_63_characters_but_not_64()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(EmailSyntax.IsValid($"ada@{new string('d', 63)}.com"), Is.True);
            Assert.That(EmailSyntax.IsValid($"ada@{new string('d', 64)}.com"), Is.False);
        }
    }

    [TestCase(254)]
    [TestCase(100)]
    [TestCase(20)]
    public void Test_addresses_of_a_chosen_length_are_valid_and_that_long(int length)
    {
        var email = TestEmails.OfLength(length);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(email, Has.Length.EqualTo(length));
            Assert.That(EmailSyntax.IsValid(email), Is.True, email);
        }
    }
}
