using System.Net;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.AccountMail;

/// <summary>
/// A forgotten password is reset with a single-use, expiring link mailed through the real SMTP server; the reset ends
/// every sign-in, and asking tells nobody whether the address has an account.
/// </summary>
public sealed class PasswordResetTests : MailboxTest
{
    [Test]
    public async Task The_mailed_token_sets_the_new_password_and_ends_every_sign_in()
    {
        await Anonymous.SignUpAsync("ada@example.com");
        var before = await Anonymous.TokenAsync("ada@example.com");

        using var asked = await Anonymous.PostForgotPasswordAsync("ada@example.com");
        var token = await Mailbox.WaitForResetTokenAsync("ada@example.com");
        using var reset = await Anonymous.PostResetPasswordAsync(token, AuthClient.OtherPassword);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Anonymous.RefreshStatusAsync(before.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized), "the sign-in from before");
            Assert.That(await Anonymous.TokenStatusAsync("ada@example.com", AuthClient.Password), Is.EqualTo(HttpStatusCode.Unauthorized), "the old password");
            Assert.That(await Anonymous.TokenStatusAsync("ada@example.com", AuthClient.OtherPassword), Is.EqualTo(HttpStatusCode.OK), "the new password");
        }
    }

    [TestCase("x")]
    [TestCase("a b@example.com")]
    [TestCase("<script>@example.com")]
    [TestCase("ada@localhost")]
    [TestCase("ada\u0000@example.com")]
    public async Task Something_that_is_not_an_address_is_400_naming_email(string email)
    {
        using var response = await Anonymous.PostForgotPasswordAsync(email);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "email");
    }

    [Test]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        await Anonymous.SignUpAsync("ada@example.com");
        await Mailbox.WaitForVerificationTokenAsync("ada@example.com");

        using var unknown = await Anonymous.PostForgotPasswordAsync("nobody@example.com");
        using var known = await Anonymous.PostForgotPasswordAsync("ada@example.com");
        await Mailbox.WaitForResetTokenAsync("ada@example.com");
        await Poll.UntilAsync(() => OutboxAssert.UnprocessedAsync(App), unprocessed => unprocessed == 0, "every staged mail handled");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknown.StatusCode, Is.EqualTo(known.StatusCode));
            Assert.That(await unknown.Content.ReadAsStringAsync(), Is.EqualTo(await known.Content.ReadAsStringAsync()));
            Assert.That((await Mailbox.ListAsync()).Where(mail => mail.To.Contains("nobody@example.com")), Is.Empty);
        }
    }

    [Test]
    public async Task A_reset_token_works_once()
    {
        await Anonymous.SignUpAsync("ada@example.com");
        using (await Anonymous.PostForgotPasswordAsync("ada@example.com"))
        {
        }

        var token = await Mailbox.WaitForResetTokenAsync("ada@example.com");
        using var first = await Anonymous.PostResetPasswordAsync(token, AuthClient.OtherPassword);

        using var second = await Anonymous.PostResetPasswordAsync(token, "harbor juniper cobalt meadow");

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.BadRequest, "token");
        Assert.That(await Anonymous.TokenStatusAsync("ada@example.com", AuthClient.OtherPassword), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_weak_new_password_is_refused_and_the_token_still_works()
    {
        await Anonymous.SignUpAsync("ada@example.com");
        using (await Anonymous.PostForgotPasswordAsync("ada@example.com"))
        {
        }

        var token = await Mailbox.WaitForResetTokenAsync("ada@example.com");

        using var weak = await Anonymous.PostResetPasswordAsync(token, "ada@example.com1");
        using var strong = await Anonymous.PostResetPasswordAsync(token, AuthClient.OtherPassword);

        await ProblemAssert.IsProblemAsync(weak, HttpStatusCode.BadRequest, "newPassword");
        Assert.That(strong.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task An_expired_reset_token_is_refused()
    {
        await Anonymous.SignUpAsync("ada@example.com");
        using (await Anonymous.PostForgotPasswordAsync("ada@example.com"))
        {
        }

        var token = await Mailbox.WaitForResetTokenAsync("ada@example.com");
        App.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        using var response = await Anonymous.PostResetPasswordAsync(token, AuthClient.OtherPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "token");
    }

    [Test]
    public async Task A_verification_token_does_not_reset_a_password()
    {
        await Anonymous.SignUpAsync("ada@example.com");
        var verification = await Mailbox.WaitForVerificationTokenAsync("ada@example.com");

        using var response = await Anonymous.PostResetPasswordAsync(verification, AuthClient.OtherPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "token");
    }
}
