using System.Buffers.Binary;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Accounts;

/// <summary>
/// A hash stores its own cost, so raising <c>Accounts:PasswordHashIterations</c> upgrades each account at its next
/// sign-in. The test apps hash at 10000 iterations; a second app on the same database is configured higher.
/// </summary>
public sealed class PasswordRehashTests : DatabaseTest
{
    private const int HigherIterations = 20_000;

    [Test]
    public async Task Sign_in_on_an_app_with_more_iterations_upgrades_the_stored_hash()
    {
        await Anonymous.SignUpAsync();
        var before = await StoredHashAsync(App.Services);
        await using var stronger = StrongerApp();
        using var anonymous = stronger.Anonymous();

        await anonymous.TokenAsync();

        var after = await StoredHashAsync(App.Services);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(IterationsOf(before), Is.EqualTo(10_000));
            Assert.That(after, Is.Not.EqualTo(before));
            Assert.That(IterationsOf(after), Is.EqualTo(HigherIterations));
        }
    }

    [Test]
    public async Task Upgraded_hash_still_verifies_the_password_on_both_apps()
    {
        await Anonymous.SignUpAsync();
        await using var stronger = StrongerApp();
        using var anonymous = stronger.Anonymous();
        await anonymous.TokenAsync();

        var again = await anonymous.TokenStatusAsync("ada@example.com", AuthClient.Password);
        var onTheOldApp = await Anonymous.TokenStatusAsync("ada@example.com", AuthClient.Password);
        var wrong = await anonymous.TokenStatusAsync("ada@example.com", AuthClient.OtherPassword);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(onTheOldApp, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(wrong, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Upgraded_hash_is_neither_upgraded_again_nor_downgraded()
    {
        await Anonymous.SignUpAsync();
        await using var stronger = StrongerApp();
        using var anonymous = stronger.Anonymous();
        await anonymous.TokenAsync();
        var upgraded = await StoredHashAsync(App.Services);

        await anonymous.TokenAsync();
        await Anonymous.TokenAsync();

        Assert.That(await StoredHashAsync(App.Services), Is.EqualTo(upgraded));
    }

    [Test]
    public async Task Upgrade_is_not_a_change_the_user_made_so_updatedAt_stays()
    {
        var user = await Anonymous.SignUpAsync();
        await using var stronger = StrongerApp();
        using var anonymous = stronger.Anonymous();
        stronger.Clock.Advance(TimeSpan.FromHours(1));

        await anonymous.TokenAsync();

        using var read = await Client.GetAsync($"{UsersClient.Path}/{user.Id}");
        Assert.That((await read.ReadAsync<UserResponse>()).UpdatedAt, Is.EqualTo(user.UpdatedAt));
    }

    [Test]
    public async Task Wrong_password_on_an_app_with_more_iterations_leaves_the_hash_as_it_was()
    {
        await Anonymous.SignUpAsync();
        var before = await StoredHashAsync(App.Services);
        await using var stronger = StrongerApp();
        using var anonymous = stronger.Anonymous();

        var status = await anonymous.TokenStatusAsync("ada@example.com", AuthClient.OtherPassword);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await StoredHashAsync(App.Services), Is.EqualTo(before));
        }
    }

    /// <summary>
    /// Every request finds the old hash and upgrades it; at most one upgrade can be written, and the others must not
    /// cost the user their sign-in: a client that signs in from two devices at once gets two pairs of tokens.
    /// </summary>
    [Test]
    public async Task Concurrent_sign_ins_that_each_upgrade_the_hash_all_succeed()
    {
        await Anonymous.SignUpAsync();
        await using var stronger = StrongerApp();
        using var anonymous = stronger.Anonymous();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => anonymous.TokenStatusAsync("ada@example.com", AuthClient.Password)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(IterationsOf(await StoredHashAsync(App.Services)), Is.EqualTo(HigherIterations));
        }
    }

    private static UsersApiFactory StrongerApp() => new(
        TestDatabase.ConnectionString,
        new Dictionary<string, string?> { ["Accounts:PasswordHashIterations"] = HigherIterations.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>The stored hash, read in a scope of its own so nothing tracked from an earlier read answers instead.</summary>
    private static async Task<string> StoredHashAsync(IServiceProvider services, string email = "ada@example.com")
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<IUserRepository>().FindByEmailForUpdateAsync(email, CancellationToken.None);
        return user?.PasswordHash ?? throw new InvalidOperationException($"No account of {email} has a password.");
    }

    /// <summary>The PBKDF2 iteration count of an ASP.NET Core Identity v3 hash: format byte, PRF, then the count, big-endian.</summary>
    private static int IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.That(bytes[0], Is.EqualTo(0x01), "an Identity v3 hash");
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}
