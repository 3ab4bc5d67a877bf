using System.Net;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.Authorization;

/// <summary>An admin manages every account: creates them (with a password and a role), reads, changes and deletes them.</summary>
public sealed class AdminAccessTests : DatabaseTest
{
    private const string Password = "copper lantern quietly rowing";

    private SignedInUser _admin = null!;

    [SetUp]
    public async Task SignInAsync() => _admin = await App.SignInAsAdminAsync();

    [TearDown]
    public void SignOut() => _admin.Dispose();

    [Test]
    public async Task Admin_creates_an_admin_with_a_password_who_signs_in_and_lists_users()
    {
        using var response = await _admin.Client.PostUserAsync(new { email = "grace@example.com", fullName = "Grace Hopper", password = Password, role = "admin" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());

        var tokens = await Anonymous.TokenAsync("grace@example.com", Password);
        using var grace = App.WithAccessToken(tokens.AccessToken);
        using var list = await grace.GetAsync(UsersClient.Path);

        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await list.ReadAsync<UserPage>();
        Assert.That(page.Items.Select(user => (user.Email, user.Role)), Is.EquivalentTo(new[]
        {
            ("admin@example.com", UserRole.Admin),
            ("grace@example.com", UserRole.Admin),
        }));
    }

    [Test]
    public async Task Admin_creates_an_account_without_a_password_that_cannot_sign_in()
    {
        await _admin.Client.CreateUserAsync("ada@example.com", "Ada Lovelace");

        using var signIn = await Anonymous.PostTokenAsync("ada@example.com", Password);

        await ProblemAssert.IsProblemAsync(signIn, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Admin_reads_another_users_account()
    {
        var other = await _admin.Client.CreateUserAsync("ada@example.com", "Ada Lovelace");

        using var response = await _admin.Client.GetAsync($"{UsersClient.Path}/{other.User.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadAsync<UserResponse>()).Email, Is.EqualTo("ada@example.com"));
    }

    [Test]
    public async Task Admin_deactivates_another_user_who_then_cannot_sign_in()
    {
        var other = await CreateWithPasswordAsync(role: "user");

        using var response = await _admin.Client.PatchUserAsync(other.Id, new { isActive = false });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadAsync<UserResponse>()).IsActive, Is.False);
        using var signIn = await Anonymous.PostTokenAsync(other.Email, Password);
        await ProblemAssert.IsProblemAsync(signIn, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Admin_promotes_another_user_who_then_signs_in_as_an_admin()
    {
        var other = await CreateWithPasswordAsync(role: "user");

        using var response = await _admin.Client.PatchUserAsync(other.Id, new { role = "admin" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadAsync<UserResponse>()).Role, Is.EqualTo(UserRole.Admin));
        var tokens = await Anonymous.TokenAsync(other.Email, Password);
        using var promoted = App.WithAccessToken(tokens.AccessToken);
        using var list = await promoted.GetAsync(UsersClient.Path);
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Admin_demotes_another_admin_who_then_may_not_list_users()
    {
        var other = await CreateWithPasswordAsync(role: "admin");

        using var response = await _admin.Client.PatchUserAsync(other.Id, new { role = "user" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var tokens = await Anonymous.TokenAsync(other.Email, Password);
        using var demoted = App.WithAccessToken(tokens.AccessToken);
        using var list = await demoted.GetAsync(UsersClient.Path);
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Admin_deletes_another_users_account()
    {
        var other = await _admin.Client.CreateUserAsync("ada@example.com", "Ada Lovelace");

        using var response = await _admin.Client.DeleteUserAsync(other.User.Id);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var get = await _admin.Client.GetAsync($"{UsersClient.Path}/{other.User.Id}");
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Admin_reads_their_own_account_through_me()
    {
        using var response = await _admin.Client.GetAsync(MeClient.Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var me = await response.ReadAsync<UserResponse>();
        Assert.That((me.Id, me.Role), Is.EqualTo((_admin.Id, UserRole.Admin)));
    }

    private async Task<UserResponse> CreateWithPasswordAsync(string role)
    {
        using var response = await _admin.Client.PostUserAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", password = Password, role });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<UserResponse>();
    }
}
