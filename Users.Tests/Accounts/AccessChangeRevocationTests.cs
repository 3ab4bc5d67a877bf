using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Accounts;

/// <summary>
/// An admin's change of a user's access (active flag or role) ends the user's sign-ins, so the next tokens they get
/// say what their access is now. Other changes leave the sign-ins alone.
/// </summary>
public sealed class AccessChangeRevocationTests : DatabaseTest
{
    [Test]
    public async Task Deactivating_a_user_revokes_their_refresh_tokens_for_good()
    {
        var user = await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        await PatchAsync(user.Id, new { isActive = false });

        // Reactivated, the user may sign in again, but the sign-in from before stays ended.
        await PatchAsync(user.Id, new { isActive = true });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Anonymous.RefreshStatusAsync(signIn.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized), "the old sign-in");
            Assert.That(await Anonymous.TokenStatusAsync(user.Email, AuthClient.Password), Is.EqualTo(HttpStatusCode.OK), "a new sign-in");
        }
    }

    [Test]
    public async Task Refresh_of_a_deactivated_user_returns_401()
    {
        var user = await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        await PatchAsync(user.Id, new { isActive = false });

        using var response = await Anonymous.PostRefreshAsync(signIn.RefreshToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Promoting_a_user_to_admin_revokes_their_refresh_tokens()
    {
        var user = await Anonymous.SignUpAsync();
        var first = await Anonymous.TokenAsync();
        var second = await Anonymous.TokenAsync();

        await PatchAsync(user.Id, new { role = "admin" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Anonymous.RefreshStatusAsync(first.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await Anonymous.RefreshStatusAsync(second.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Demoting_an_admin_revokes_their_refresh_tokens()
    {
        var user = await Anonymous.SignUpAsync();
        await PatchAsync(user.Id, new { role = "admin" });
        var signIn = await Anonymous.TokenAsync();
        using var admin = await App.SignInAsAdminAsync("other.admin@example.com");

        await PatchAsync(user.Id, new { role = "user" });

        Assert.That(await Anonymous.RefreshStatusAsync(signIn.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Token_after_promotion_carries_the_new_role()
    {
        var user = await Anonymous.SignUpAsync();
        await PatchAsync(user.Id, new { role = "admin" });

        var signIn = await Anonymous.TokenAsync();

        using var client = App.WithAccessToken(signIn.AccessToken);
        using var list = await client.GetAsync(UsersClient.Path);
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK), "admins may list users");
    }

    [Test]
    public async Task Access_change_leaves_other_users_refresh_tokens_alone()
    {
        var ada = await Anonymous.SignUpAsync("ada@example.com", "Ada Lovelace");
        await Anonymous.SignUpAsync("grace@example.com", "Grace Hopper");
        var grace = await Anonymous.TokenAsync("grace@example.com");

        await PatchAsync(ada.Id, new { isActive = false });

        Assert.That(await Anonymous.RefreshStatusAsync(grace.RefreshToken), Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("fullName", "Augusta Ada King", TestName = "Renaming_a_user_leaves_their_refresh_tokens_alone")]
    [TestCase("isActive", true, TestName = "Setting_an_active_user_active_leaves_their_refresh_tokens_alone")]
    [TestCase("role", "user", TestName = "Setting_a_users_role_to_the_same_role_leaves_their_refresh_tokens_alone")]
    public async Task Change_that_keeps_the_access_leaves_refresh_tokens_alone(string field, object value)
    {
        var user = await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();

        await PatchAsync(user.Id, new Dictionary<string, object> { [field] = value });

        Assert.That(await Anonymous.RefreshStatusAsync(signIn.RefreshToken), Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task PatchAsync(Guid id, object body)
    {
        using var response = await Client.PatchUserAsync(id, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
