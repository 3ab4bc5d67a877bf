using System.Net;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Tests.Support;

namespace Users.Tests.Accounts;

public sealed class MeTests : DatabaseTest
{
    [Test]
    public async Task Get_me_returns_the_callers_own_account_with_its_etag()
    {
        await Anonymous.SignUpAsync("grace@example.com", "Grace Hopper");
        var user = await Anonymous.SignUpAsync("ada@example.com", "Ada Lovelace");
        var signIn = await Anonymous.TokenAsync("ada@example.com");
        using var client = App.WithAccessToken(signIn.AccessToken);

        using var response = await client.GetAsync(MeClient.Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var me = await response.ReadAsync<UserResponse>();
        using var byId = await Client.GetAsync($"{UsersClient.Path}/{user.Id}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(me.Id, Is.EqualTo(user.Id));
            Assert.That(me.Email, Is.EqualTo("ada@example.com"));
            Assert.That(me.Role, Is.EqualTo(UserRole.User));
            Assert.That(response.Headers.ETag?.Tag, Is.Not.Null.And.EqualTo(byId.Headers.ETag?.Tag));
        }
    }

    [Test]
    public async Task Get_me_is_refused_to_an_anonymous_caller_with_401()
    {
        using var response = await Anonymous.GetAsync(MeClient.Path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task Patch_me_with_if_match_changes_the_full_name_and_email()
    {
        var user = await Anonymous.SignUpAsync("ada@example.com", "Ada Lovelace");
        using var signedIn = App.WithAccessToken((await Anonymous.TokenAsync("ada@example.com")).AccessToken);
        using var before = await signedIn.GetAsync(MeClient.Path);

        using var response = await signedIn.PatchMeAsync(new { fullName = "Augusta Ada King", email = "ada@lovelace.org" }, before.Headers.ETag!.Tag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var changed = await response.ReadAsync<UserResponse>();
        using var after = await signedIn.GetAsync(MeClient.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed.Id, Is.EqualTo(user.Id));
            Assert.That(changed.FullName, Is.EqualTo("Augusta Ada King"));
            Assert.That(changed.Email, Is.EqualTo("ada@lovelace.org"));
            Assert.That(response.Headers.ETag?.Tag, Is.Not.EqualTo(before.Headers.ETag.Tag));
            Assert.That(after.Headers.ETag?.Tag, Is.EqualTo(response.Headers.ETag?.Tag));
            Assert.That((await after.ReadAsync<UserResponse>()).FullName, Is.EqualTo("Augusta Ada King"));
        }
    }

    [Test]
    public async Task Patch_me_of_the_email_moves_the_sign_in_to_the_new_email()
    {
        await Anonymous.SignUpAsync("ada@example.com", "Ada Lovelace");
        using var signedIn = App.WithAccessToken((await Anonymous.TokenAsync("ada@example.com")).AccessToken);

        using var response = await signedIn.PatchMeAsync(new { email = "ada@lovelace.org" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Anonymous.TokenStatusAsync("ada@lovelace.org", AuthClient.Password), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Anonymous.TokenStatusAsync("ada@example.com", AuthClient.Password), Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Patch_me_with_a_stale_if_match_returns_412_and_changes_nothing()
    {
        await Anonymous.SignUpAsync("ada@example.com", "Ada Lovelace");
        using var signedIn = App.WithAccessToken((await Anonymous.TokenAsync("ada@example.com")).AccessToken);
        using var before = await signedIn.GetAsync(MeClient.Path);
        using var first = await signedIn.PatchMeAsync(new { fullName = "Countess of Lovelace" }, before.Headers.ETag!.Tag);

        using var response = await signedIn.PatchMeAsync(new { fullName = "Augusta Ada King" }, before.Headers.ETag.Tag);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        using var after = await signedIn.GetAsync(MeClient.Path);
        Assert.That((await after.ReadAsync<UserResponse>()).FullName, Is.EqualTo("Countess of Lovelace"));
    }

    [Test]
    public async Task Patch_me_to_an_email_taken_in_another_case_returns_409()
    {
        await Anonymous.SignUpAsync("grace@example.com", "Grace Hopper");
        using var user = await App.SignInAsync(email: "ada@example.com");

        using var response = await user.Client.PatchMeAsync(new { email = "GRACE@example.com" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [TestCase("isActive", false)]
    [TestCase("isActive", true)]
    [TestCase("role", "admin")]
    [TestCase("passwordHash", "x")]
    public async Task Patch_me_returns_400_naming_a_field_it_does_not_take(string field, object value)
    {
        using var user = await App.SignInAsync();

        using var response = await user.Client.PatchMeAsync(new Dictionary<string, object> { ["fullName"] = "Ada", [field] = value });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.That(problem.Errors![field], Has.One.StartsWith($"'{field}' is not a field of this request"));
    }

    [Test]
    public async Task Patch_me_with_role_admin_leaves_the_user_an_ordinary_user()
    {
        using var user = await App.SignInAsync();
        using var refused = await user.Client.PatchMeAsync(new { role = "admin" });

        using var response = await user.Client.GetAsync(MeClient.Path);

        var me = await response.ReadAsync<UserResponse>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(me.Role, Is.EqualTo(UserRole.User));
        }
    }

    [Test]
    public async Task Patch_me_of_an_empty_object_returns_400_naming_the_body()
    {
        using var user = await App.SignInAsync();

        using var response = await user.Client.PatchMeAsync(new { });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body");
    }

    [Test]
    public async Task Get_me_with_the_token_of_a_deleted_user_returns_404()
    {
        using var user = await App.SignInAsync();
        using var deleted = await Client.DeleteUserAsync(user.Id);
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        using var response = await user.Client.GetAsync(MeClient.Path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Patch_me_with_the_token_of_a_deleted_user_returns_404_and_creates_nothing()
    {
        using var user = await App.SignInAsync();
        using var deleted = await Client.DeleteUserAsync(user.Id);

        using var response = await user.Client.PatchMeAsync(new { fullName = "Ghost" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        using var list = await Client.GetAsync(UsersClient.Path);
        Assert.That((await list.ReadAsync<UserPage>()).Items, Is.Empty);
    }
}
