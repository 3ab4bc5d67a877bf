using System.Net;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.AccountMail;

/// <summary>With <c>Accounts:RequireVerifiedEmail</c>, only an account whose address is verified may sign in.</summary>
public sealed class RequiredVerificationTests : MailboxTest
{
    private static readonly Dictionary<string, string?> Required = new() { ["Accounts:RequireVerifiedEmail"] = "true" };

    [Test]
    public async Task An_unverified_account_is_refused_with_403_and_signs_in_once_verified()
    {
        await using var app = new UsersApiFactory(TestDatabase.ConnectionString, Required);
        using var anonymous = app.Anonymous();
        await anonymous.SignUpAsync("ada@example.com");

        using var before = await anonymous.PostTokenAsync("ada@example.com", AuthClient.Password);
        using (await anonymous.PostVerifyEmailAsync(await Mailbox.WaitForVerificationTokenAsync("ada@example.com")))
        {
        }

        await ProblemAssert.IsProblemAsync(before, HttpStatusCode.Forbidden);
        Assert.That(await anonymous.TokenStatusAsync("ada@example.com", AuthClient.Password), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_wrong_password_for_an_unverified_account_is_the_usual_401()
    {
        await using var app = new UsersApiFactory(TestDatabase.ConnectionString, Required);
        using var anonymous = app.Anonymous();
        await anonymous.SignUpAsync("ada@example.com");

        using var response = await anonymous.PostTokenAsync("ada@example.com", AuthClient.OtherPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
