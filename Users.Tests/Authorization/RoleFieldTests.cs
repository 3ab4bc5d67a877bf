using System.Net;
using System.Text;
using System.Text.Json;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Authorization;

/// <summary>Roles travel as the words "user" and "admin"; anything else in <c>role</c> is a 400 that names it.</summary>
public sealed class RoleFieldTests : DatabaseTest
{
    private const string RoleWords = "'role' must be one of 'user', 'admin'.";

    private static readonly string[] RoleWordsInOrder = ["user", "admin"];

    [TestCase("user")]
    [TestCase("admin")]
    public async Task Create_takes_the_role_as_a_word_and_answers_with_it(string role)
    {
        using var response = await Client.PostUserAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", role });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("role").GetString(), Is.EqualTo(role));
    }

    [Test]
    public async Task Create_without_a_role_makes_a_user()
    {
        using var response = await Client.PostUserAsync(new { email = "ada@example.com", fullName = "Ada Lovelace" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("role").GetString(), Is.EqualTo("user"));
    }

    [TestCase("admin")]
    [TestCase("user")]
    public async Task Patch_takes_the_role_as_a_word(string role)
    {
        var user = await Client.CreateUserAsync(isActive: true);

        using var response = await Client.PatchUserAsync(user.User.Id, new { role });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var get = await Client.GetAsync($"{UsersClient.Path}/{user.User.Id}");
        using var body = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("role").GetString(), Is.EqualTo(role));
    }

    public static IEnumerable<TestCaseData> RefusedRoles()
    {
        yield return new TestCaseData("1").SetArgDisplayNames("a_number");
        yield return new TestCaseData("0").SetArgDisplayNames("zero");
        yield return new TestCaseData("\"root\"").SetArgDisplayNames("an_unknown_word");
        yield return new TestCaseData("\"1\"").SetArgDisplayNames("a_number_in_a_string");
        yield return new TestCaseData("\"user, admin\"").SetArgDisplayNames("a_list_of_words");
        yield return new TestCaseData("\"Admin\"").SetArgDisplayNames("a_capitalised_word");
        yield return new TestCaseData("\" admin\"").SetArgDisplayNames("a_padded_word");
        yield return new TestCaseData("\"\"").SetArgDisplayNames("an_empty_string");
        yield return new TestCaseData("true").SetArgDisplayNames("a_boolean");
    }

    [TestCaseSource(nameof(RefusedRoles))]
    public async Task Create_refuses_a_role_that_is_not_user_or_admin_and_stores_nothing(string role)
    {
        using var content = Json($$"""{"email":"ada@example.com","fullName":"Ada Lovelace","role":{{role}}}""");

        using var response = await Client.PostAsync(UsersClient.Path, content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "role");
        using var list = await Client.GetAsync(UsersClient.Path);
        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Errors!["role"], Is.EqualTo(new[] { RoleWords }));
            Assert.That(page.Items, Is.Empty);
        }
    }

    [TestCaseSource(nameof(RefusedRoles))]
    public async Task Patch_refuses_a_role_that_is_not_user_or_admin_and_changes_nothing(string role)
    {
        var user = await Client.CreateUserAsync();
        using var content = Json($$"""{"role":{{role}}}""");

        using var response = await Client.PatchAsync($"{UsersClient.Path}/{user.User.Id}", content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "role");
        using var get = await Client.GetAsync($"{UsersClient.Path}/{user.User.Id}");
        var stored = await get.ReadAsync<UserResponse>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Errors!["role"], Is.EqualTo(new[] { RoleWords }));
            Assert.That((stored.Role, stored.UpdatedAt), Is.EqualTo((user.User.Role, user.User.UpdatedAt)));
        }
    }

    [Test]
    public async Task OpenApi_document_says_a_role_is_the_word_user_or_admin()
    {
        using var response = await Anonymous.GetAsync("/openapi/v1.json");

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var role = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("UserRole");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(role.GetProperty("type").GetString(), Is.EqualTo("string"));
            Assert.That(role.GetProperty("enum").EnumerateArray().Select(word => word.GetString()), Is.EqualTo(RoleWordsInOrder));
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
