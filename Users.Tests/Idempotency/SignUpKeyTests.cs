using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Users.Tests.Support;

namespace Users.Tests.Idempotency;

/// <summary><c>POST /api/v1/auth/signup</c> with an <c>Idempotency-Key</c>, where callers are anonymous and bodies hold passwords.</summary>
public sealed class SignUpKeyTests : DatabaseTest
{
    private const string AdaJson = $$"""{"email":"ada@example.com","fullName":"Ada Lovelace","password":"{{UsersApiFactory.Password}}"}""";

    private static readonly object Ada = new { email = "ada@example.com", fullName = "Ada Lovelace", password = UsersApiFactory.Password };
    private static readonly object Grace = new { email = "grace@example.com", fullName = "Grace Hopper", password = UsersApiFactory.Password };
    private static readonly string[] AdaOnly = ["ada@example.com"];

    [Test]
    public async Task A_sign_up_retried_with_its_key_gets_the_first_answer_one_account_and_one_mail()
    {
        var key = IdempotencyCalls.NewKey();
        using var first = await Anonymous.PostSignUpAsync(key, Ada);
        using var retry = await Anonymous.PostSignUpAsync(key, Ada);

        var sent = await Answer.ReadAsync(first);
        var replayed = await Answer.ReadAsync(retry);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.Status, Is.EqualTo(HttpStatusCode.Created), sent.Body);
            Assert.That(replayed.Replayed, Is.True);
            Assert.That(replayed.AsSent(), Is.EqualTo(sent));
            Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.EqualTo(AdaOnly));
            Assert.That(await StagedMailsAsync(), Is.EqualTo(1), "one verification mail, staged by the one sign-up that ran");
        }
    }

    [Test]
    public async Task Anonymous_callers_share_one_space_of_keys()
    {
        var key = IdempotencyCalls.NewKey();
        using var someone = App.Anonymous();
        using var first = await someone.PostSignUpAsync(key, Ada);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var other = await Anonymous.PostSignUpAsync(key, Grace);

        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.EqualTo(AdaOnly));
    }

    [Test]
    public async Task A_kept_sign_up_holds_neither_the_password_nor_a_fast_hash_of_it()
    {
        using var content = new StringContent(AdaJson, Encoding.UTF8, "application/json");
        using var response = await Anonymous.PostWithKeyAsync(Accounts.AuthClient.SignUpPath, IdempotencyCalls.NewKey(), content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var kept = (await IdempotencyCalls.KeptAsync()).Single();
        var plainDigest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"POST {Accounts.AuthClient.SignUpPath}\n{AdaJson}")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Encoding.UTF8.GetString(kept.Body), Does.Not.Contain(UsersApiFactory.Password));
            Assert.That(kept.Fingerprint, Does.StartWith("pbkdf2:"), "salted and slow, like the password's own hash");
            Assert.That(kept.Fingerprint, Does.Not.Contain(plainDigest));
        }
    }

    private static async Task<int> StagedMailsAsync()
    {
        await using var db = TestDatabase.CreateContext(TestDatabase.ConnectionString);
        return await db.OutboxMessages.CountAsync();
    }
}
