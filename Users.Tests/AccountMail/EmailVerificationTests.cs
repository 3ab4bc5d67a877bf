using System.Net;
using Users.Application.Users;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.AccountMail;

/// <summary>
/// Sign-up and a change of address mail a single-use, expiring link through the real SMTP server; the token in it
/// verifies that address and no other.
/// </summary>
public sealed class EmailVerificationTests : MailboxTest
{
    [Test]
    public async Task Sign_up_mails_a_link_whose_token_verifies_the_address()
    {
        var created = await Anonymous.SignUpAsync("ada@example.com");
        var token = await Mailbox.WaitForVerificationTokenAsync("ada@example.com");

        using var verified = await Anonymous.PostVerifyEmailAsync(token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.EmailVerified, Is.False, "a new account");
            Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That((await MeAsync()).EmailVerified, Is.True, "after the link");
        }
    }

    [Test]
    public async Task A_verification_token_works_once()
    {
        await Anonymous.SignUpAsync("ada@example.com");
        var token = await Mailbox.WaitForVerificationTokenAsync("ada@example.com");
        using var first = await Anonymous.PostVerifyEmailAsync(token);

        using var second = await Anonymous.PostVerifyEmailAsync(token);

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.BadRequest, "token");
    }

    [Test]
    public async Task An_expired_verification_token_is_refused_and_leaves_the_address_unverified()
    {
        await Anonymous.SignUpAsync("ada@example.com");
        var token = await Mailbox.WaitForVerificationTokenAsync("ada@example.com");
        App.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        using var response = await Anonymous.PostVerifyEmailAsync(token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "token");
        Assert.That((await MeAsync()).EmailVerified, Is.False);
    }

    [Test]
    public async Task A_token_that_was_never_mailed_is_refused_like_a_used_one()
    {
        using var malformed = await Anonymous.PostVerifyEmailAsync("not-a-token");
        using var unknown = await Anonymous.PostVerifyEmailAsync(new string('A', 43));

        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest, "token");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "token");
    }

    [Test]
    public async Task Changing_the_address_unverifies_it_and_mails_a_link_to_the_new_one()
    {
        await Anonymous.SignUpAsync("ada@example.com");
        using (await Anonymous.PostVerifyEmailAsync(await Mailbox.WaitForVerificationTokenAsync("ada@example.com")))
        {
        }

        using var client = await SignedInClientAsync();
        using var changed = await client.PatchMeAsync(new { email = "ada@lovelace.example" });
        var changedUser = await changed.ReadAsync<UserResponse>();
        var token = await Mailbox.WaitForVerificationTokenAsync("ada@lovelace.example");
        using var verified = await Anonymous.PostVerifyEmailAsync(token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changedUser.EmailVerified, Is.False, "right after the change");
            Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That((await MeAsync(client)).EmailVerified, Is.True, "after the new link");
        }
    }

    [Test]
    public async Task A_link_mailed_to_an_earlier_address_does_not_verify_the_current_one()
    {
        await Anonymous.SignUpAsync("ada@example.com");
        var oldToken = await Mailbox.WaitForVerificationTokenAsync("ada@example.com");
        using var client = await SignedInClientAsync();
        using (await client.PatchMeAsync(new { email = "ada@lovelace.example" }))
        {
        }

        using var response = await Anonymous.PostVerifyEmailAsync(oldToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "token");
        Assert.That((await MeAsync(client)).EmailVerified, Is.False);
    }

    [Test]
    public async Task Another_spelling_of_the_same_address_stays_verified_and_mails_nothing()
    {
        await Anonymous.SignUpAsync("ada@example.com");
        using (await Anonymous.PostVerifyEmailAsync(await Mailbox.WaitForVerificationTokenAsync("ada@example.com")))
        {
        }

        using var client = await SignedInClientAsync();
        using var changed = await client.PatchMeAsync(new { email = "Ada@Example.com" });

        Assert.That((await changed.ReadAsync<UserResponse>()).EmailVerified, Is.True);
        Assert.That(await VerificationMessagesStagedAsync(), Is.EqualTo(1), "only the sign-up's");
    }

    [Test]
    public async Task A_sign_up_refused_for_a_taken_address_stages_no_mail()
    {
        await Anonymous.SignUpAsync("ada@example.com");

        using var refused = await Anonymous.PostSignUpAsync(new { email = "ADA@example.com", fullName = "Another Ada", password = AuthClient.Password });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await VerificationMessagesStagedAsync(), Is.EqualTo(1), "only the first sign-up's");
    }

    private async Task<HttpClient> SignedInClientAsync(string email = "ada@example.com") =>
        App.WithAccessToken((await Anonymous.TokenAsync(email)).AccessToken);

    private async Task<UserResponse> MeAsync(HttpClient? client = null)
    {
        using var owned = client is null ? await SignedInClientAsync() : null;
        using var response = await (client ?? owned!).GetAsync(MeClient.Path);
        return await response.ReadAsync<UserResponse>();
    }

    private static Task<int> VerificationMessagesStagedAsync() => OutboxAssert.StagedAsync(App, "VerificationMailRequested");
}
