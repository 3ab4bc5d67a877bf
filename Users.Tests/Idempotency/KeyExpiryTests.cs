using System.Net;
using Users.Domain.Users;
using Users.Tests.Support;

namespace Users.Tests.Idempotency;

/// <summary>A key is kept for <c>Idempotency:KeyLifetime</c> (24 hours by default) after its request completed, then free again.</summary>
public sealed class KeyExpiryTests : DatabaseTest
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);
    private static readonly object Ada = new { email = "ada@example.com", fullName = "Ada Lovelace" };
    private static readonly object Grace = new { email = "grace@example.com", fullName = "Grace Hopper" };
    private static readonly string[] AdaAndGrace = ["ada@example.com", "grace@example.com"];

    // One admin throughout, so that the key stays the same caller's; each client carries a token fresh at its time.
    private readonly User _admin = User.Create("keeper@users.test", "Key Keeper", isActive: true, UserRole.Admin, DateTimeOffset.UtcNow);

    [Test]
    public async Task A_key_is_kept_until_it_expires()
    {
        var key = IdempotencyCalls.NewKey();
        await CreateAsync(key, Ada);
        App.Clock.Advance(KeyLifetime - TimeSpan.FromMinutes(1));

        using var admin = App.ClientFor(_admin);
        using var retry = await admin.PostUserAsync(key, Ada);

        Assert.That((await Answer.ReadAsync(retry)).Replayed, Is.True);
    }

    [Test]
    public async Task An_expired_key_is_free_again_for_another_request()
    {
        var key = IdempotencyCalls.NewKey();
        await CreateAsync(key, Ada);
        App.Clock.Advance(KeyLifetime + TimeSpan.FromMinutes(1));

        using var admin = App.ClientFor(_admin);
        using var reused = await admin.PostUserAsync(key, Grace);

        var answer = await Answer.ReadAsync(reused);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
            Assert.That(answer.Replayed, Is.False);
            Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.EquivalentTo(AdaAndGrace));
            Assert.That(await IdempotencyCalls.KeptAsync(), Has.Count.EqualTo(1), "the new answer replaced the expired one");
        }
    }

    private async Task CreateAsync(string key, object body)
    {
        using var admin = App.ClientFor(_admin);
        using var response = await admin.PostUserAsync(key, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }
}
