using System.Net;
using System.Text;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.Authorization;

/// <summary>An ordinary user reads and changes their own email and name, and nothing else.</summary>
public sealed class UserOnSelfTests : DatabaseTest
{
    private SignedInUser _user = null!;

    [SetUp]
    public async Task SignInAsync() => _user = await App.SignInAsync(UserRole.User, "user@example.com", "Signed In", withPassword: true);

    [TearDown]
    public void SignOut() => _user.Dispose();

    [TestCase("id")]
    [TestCase("me")]
    public async Task User_reads_their_own_account(string addressedBy)
    {
        var path = addressedBy == "me" ? MeClient.Path : $"{UsersClient.Path}/{_user.Id}";

        using var response = await _user.Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var user = await response.ReadAsync<UserResponse>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.Id, Is.EqualTo(_user.Id));
            Assert.That(user.Role, Is.EqualTo(UserRole.User));
            Assert.That(response.Headers.ETag, Is.Not.Null);
        }
    }

    [Test]
    public async Task User_changes_their_own_name_and_email_by_id()
    {
        using var response = await _user.Client.PatchUserAsync(_user.Id, new { fullName = "New Name", email = "new@example.com" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await ReadAsAdminAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.FullName, Is.EqualTo("New Name"));
            Assert.That(stored.Email, Is.EqualTo("new@example.com"));
        }
    }

    [Test]
    public async Task User_changes_their_own_name_and_email_through_me()
    {
        using var response = await _user.Client.PatchMeAsync(new { fullName = "New Name", email = "new@example.com" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await ReadAsAdminAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.FullName, Is.EqualTo("New Name"));
            Assert.That(stored.Email, Is.EqualTo("new@example.com"));
        }
    }

    [Test]
    public async Task User_changes_their_own_password()
    {
        using var response = await _user.Client.PutPasswordAsync(AuthClient.Password, AuthClient.OtherPassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        using var signIn = await Anonymous.PostTokenAsync(_user.Email, AuthClient.OtherPassword);
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    public static IEnumerable<TestCaseData> AccessChanges()
    {
        yield return new TestCaseData("""{"isActive":false}""").SetArgDisplayNames("deactivate");
        yield return new TestCaseData("""{"isActive":true}""").SetArgDisplayNames("stay_active");
        yield return new TestCaseData("""{"role":"admin"}""").SetArgDisplayNames("promote");
        yield return new TestCaseData("""{"role":"user"}""").SetArgDisplayNames("keep_role");
        yield return new TestCaseData("""{"fullName":"Sneaky","role":"admin"}""").SetArgDisplayNames("rename_and_promote");
    }

    [TestCaseSource(nameof(AccessChanges))]
    public async Task User_may_not_change_their_own_active_flag_or_role(string body)
    {
        var before = await ReadAsAdminAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _user.Client.PatchAsync($"{UsersClient.Path}/{_user.Id}", content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        var after = await ReadAsAdminAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Does.Contain("admins"));
            Assert.That((after.IsActive, after.Role, after.FullName, after.UpdatedAt), Is.EqualTo((before.IsActive, before.Role, before.FullName, before.UpdatedAt)));
        }
    }

    [Test]
    public async Task User_may_not_list_users()
    {
        using var response = await _user.Client.GetAsync(UsersClient.Path);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(problem.Detail, Is.EqualTo("Only admins may list users."));
    }

    [Test]
    public async Task User_may_not_create_users_and_none_is_created()
    {
        using var response = await _user.Client.PostUserAsync(new { email = "eve@example.com", fullName = "Eve" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        using var list = await Client.GetAsync(UsersClient.Path);
        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Is.EqualTo("Only admins may create users."));
            Assert.That(page.Items.Select(item => item.Id), Is.EqualTo(new[] { _user.Id }));
        }
    }

    [Test]
    public async Task User_may_not_delete_their_own_account_and_it_stays()
    {
        using var response = await _user.Client.DeleteUserAsync(_user.Id);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        using var get = await Client.GetAsync($"{UsersClient.Path}/{_user.Id}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Is.EqualTo("Only admins may delete users."));
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    private async Task<UserResponse> ReadAsAdminAsync()
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}/{_user.Id}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.ReadAsync<UserResponse>();
    }
}
