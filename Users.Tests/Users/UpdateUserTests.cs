using System.Net;
using System.Text;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

public sealed class UpdateUserTests : DatabaseTest
{
    private static readonly object[] InvalidBodies =
    [
        new object[] { """{"email":"not-an-email"}""", "email" },
        new object[] { """{"email":"   "}""", "email" },
        new object[] { """{"email":"a b@example.com"}""", "email" },
        new object[] { $$"""{"email":"{{new string('a', 250)}}@x.com"}""", "email" },
        new object[] { """{"fullName":"   "}""", "fullName" },
        new object[] { $$"""{"fullName":"{{new string('n', 201)}}"}""", "fullName" },
        new object[] { """{"fullName":"a\u0000b"}""", "fullName" },
        new object[] { """{"isActive":"yes"}""", "isActive" },
        new object[] { """{"isActive":false,"isActive":true}""", "isActive" },
        new object[] { """{"fullName":"Ada","createdAt":"2020-01-01T00:00:00Z"}""", "createdAt" },
    ];

    [Test]
    public async Task Patch_email_alone_changes_only_the_email_and_returns_a_new_etag()
    {
        var before = await Client.CreateUserAsync(email: "ada@example.com", fullName: "Ada Lovelace");

        using var response = await Client.PatchUserAsync(before.User.Id, new { email = " ada@lovelace.org " });

        await AssertChangedAsync(response, before, "ada@lovelace.org", "Ada Lovelace", isActive: true);
    }

    [Test]
    public async Task Patch_full_name_alone_changes_only_the_full_name_and_returns_a_new_etag()
    {
        var before = await Client.CreateUserAsync(email: "ada@example.com", fullName: "Ada Lovelace");

        using var response = await Client.PatchUserAsync(before.User.Id, new { fullName = " Augusta Ada King " });

        await AssertChangedAsync(response, before, "ada@example.com", "Augusta Ada King", isActive: true);
    }

    [Test]
    public async Task Patch_isActive_alone_changes_only_the_flag_and_returns_a_new_etag()
    {
        var before = await Client.CreateUserAsync(email: "ada@example.com", fullName: "Ada Lovelace");

        using var response = await Client.PatchUserAsync(before.User.Id, new { isActive = false });

        await AssertChangedAsync(response, before, "ada@example.com", "Ada Lovelace", isActive: false);
    }

    [Test]
    public async Task Get_after_patch_returns_the_changed_user_and_its_new_etag()
    {
        var before = await Client.CreateUserAsync();
        using var patched = await Client.PatchUserAsync(before.User.Id, new { fullName = "Countess of Lovelace" });
        var patchedUser = await patched.ReadAsync<UserResponse>();

        using var response = await Client.GetAsync($"{UsersClient.Path}/{before.User.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var user = await response.ReadAsync<UserResponse>();
        Assert.Multiple(() =>
        {
            Assert.That(user.FullName, Is.EqualTo("Countess of Lovelace"));
            Assert.That(user.UpdatedAt, Is.EqualTo(patchedUser.UpdatedAt));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo(patched.Headers.ETag?.Tag));
        });
    }

    [Test]
    public async Task Patch_accepts_merge_patch_json()
    {
        var before = await Client.CreateUserAsync();

        using var response = await SendPatchAsync(before.User.Id, """{"fullName":"Merged"}""", "application/merge-patch+json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadAsync<UserResponse>()).FullName, Is.EqualTo("Merged"));
    }

    [Test]
    public async Task Patch_returns_400_with_body_error_for_an_empty_object()
    {
        var before = await Client.CreateUserAsync();

        using var response = await SendPatchAsync(before.User.Id, "{}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, errorKey: "body");
    }

    [TestCaseSource(nameof(InvalidBodies))]
    public async Task Patch_returns_400_keyed_by_field_for_an_invalid_value(string body, string field)
    {
        var before = await Client.CreateUserAsync();

        using var response = await SendPatchAsync(before.User.Id, body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, errorKey: field);
    }

    [Test]
    public async Task Patch_returns_404_for_an_unknown_id()
    {
        using var response = await Client.PatchUserAsync(Guid.CreateVersion7(), new { fullName = "Nobody" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Patch_returns_404_for_an_ill_formed_id()
    {
        using var response = await SendPatchAsync("not-a-guid", """{"fullName":"Nobody"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Patch_returns_409_when_email_is_another_users_in_other_case()
    {
        await Client.CreateUserAsync(email: "grace@example.com", fullName: "Grace Hopper");
        var ada = await Client.CreateUserAsync(email: "ada@example.com");

        using var response = await Client.PatchUserAsync(ada.User.Id, new { email = "GRACE@Example.com" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Patch_returns_200_when_email_changes_only_in_case()
    {
        var ada = await Client.CreateUserAsync(email: "ada@example.com");

        using var response = await Client.PatchUserAsync(ada.User.Id, new { email = "ADA@Example.com" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadAsync<UserResponse>()).Email, Is.EqualTo("ADA@Example.com"));
    }

    [Test]
    public async Task Patch_returns_412_for_a_stale_if_match_and_changes_nothing()
    {
        var original = await Client.CreateUserAsync();
        using var first = await Client.PatchUserAsync(original.User.Id, new { fullName = "First" });
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await Client.PatchUserAsync(original.User.Id, new { fullName = "Second" }, ifMatch: original.ETag);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        using var get = await Client.GetAsync($"{UsersClient.Path}/{original.User.Id}");
        var stored = await get.ReadAsync<UserResponse>();
        Assert.Multiple(() =>
        {
            Assert.That(stored.FullName, Is.EqualTo("First"));
            Assert.That(get.Headers.ETag?.Tag, Is.EqualTo(first.Headers.ETag?.Tag));
        });
    }

    [Test]
    public async Task Patch_returns_200_for_the_current_if_match()
    {
        var user = await Client.CreateUserAsync();

        using var response = await Client.PatchUserAsync(user.User.Id, new { fullName = "Current" }, ifMatch: user.ETag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Patch_returns_200_for_if_match_star()
    {
        var user = await Client.CreateUserAsync();

        using var response = await Client.PatchUserAsync(user.User.Id, new { fullName = "Anything" }, ifMatch: "*");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("W/\"1\"")]
    [TestCase("\"abc\"")]
    [TestCase("nonsense")]
    public async Task Patch_returns_412_for_a_weak_or_garbage_if_match(string ifMatch)
    {
        var user = await Client.CreateUserAsync();

        using var response = await Client.PatchUserAsync(user.User.Id, new { fullName = "Unchecked" }, ifMatch: ifMatch);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task Patch_returns_412_for_the_current_etag_in_weak_form()
    {
        var user = await Client.CreateUserAsync();

        using var response = await Client.PatchUserAsync(user.User.Id, new { fullName = "Unchecked" }, ifMatch: $"W/{user.ETag}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task Patch_returns_415_for_text_plain()
    {
        var user = await Client.CreateUserAsync();

        using var response = await SendPatchAsync(user.User.Id, """{"fullName":"Plain"}""", "text/plain");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    private Task<HttpResponseMessage> SendPatchAsync(Guid id, string json, string mediaType = "application/json") =>
        SendPatchAsync(id.ToString(), json, mediaType);

    private async Task<HttpResponseMessage> SendPatchAsync(string id, string json, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{UsersClient.Path}/{id}")
        {
            Content = new StringContent(json, Encoding.UTF8, mediaType),
        };
        return await Client.SendAsync(request);
    }

    private static async Task AssertChangedAsync(
        HttpResponseMessage response, CreatedUser before, string email, string fullName, bool isActive)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var user = await response.ReadAsync<UserResponse>();
        Assert.Multiple(() =>
        {
            Assert.That(user.Email, Is.EqualTo(email));
            Assert.That(user.FullName, Is.EqualTo(fullName));
            Assert.That(user.IsActive, Is.EqualTo(isActive));
            Assert.That(user.Id, Is.EqualTo(before.User.Id));
            Assert.That(user.CreatedAt, Is.EqualTo(before.User.CreatedAt));
            Assert.That(user.UpdatedAt, Is.GreaterThan(before.User.UpdatedAt));
            Assert.That(user.UpdatedAt, Is.GreaterThanOrEqualTo(user.CreatedAt));
            Assert.That(response.Headers.ETag?.IsWeak, Is.False);
            Assert.That(response.Headers.ETag?.Tag, Is.Not.EqualTo(before.ETag));
        });
    }
}
