using System.Net;
using System.Text;
using System.Text.Json;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

public sealed class CreateUserTests : DatabaseTest
{
    private const string ProblemJson = "application/problem+json";

    [Test]
    public async Task Create_returns_201_with_location_etag_and_the_user()
    {
        using var response = await Client.PostUserAsync(new { email = " Ada@Example.com ", fullName = "  Ada Lovelace " });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var user = await response.ReadAsync<UserResponse>();
        Assert.Multiple(() =>
        {
            Assert.That(user.Email, Is.EqualTo("Ada@Example.com"));
            Assert.That(user.FullName, Is.EqualTo("Ada Lovelace"));
            Assert.That(user.IsActive, Is.True);
            Assert.That(user.Id.Version, Is.EqualTo(7));
            Assert.That(user.UpdatedAt, Is.EqualTo(user.CreatedAt));
            Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo($"{UsersClient.Path}/{user.Id}"));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(response.Headers.ETag!.IsWeak, Is.False);
        });
    }

    [Test]
    public async Task Create_keeps_isActive_false_when_given()
    {
        using var response = await Client.PostUserAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", isActive = false });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var user = await response.ReadAsync<UserResponse>();
        Assert.That(user.IsActive, Is.False);
    }

    [Test]
    public async Task Create_returns_timestamps_in_utc_with_updatedAt_equal_to_createdAt()
    {
        using var response = await Client.PostUserAsync(new { email = "ada@example.com", fullName = "Ada Lovelace" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var createdAt = body.RootElement.GetProperty("createdAt");
        var updatedAt = body.RootElement.GetProperty("updatedAt");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(createdAt.GetDateTimeOffset().Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(updatedAt.GetDateTimeOffset().Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(updatedAt.GetString(), Is.EqualTo(createdAt.GetString()));
        }
    }

    [Test]
    public async Task Create_returns_a_strong_etag_that_is_a_quoted_number()
    {
        using var response = await Client.PostUserAsync(new { email = "ada@example.com", fullName = "Ada Lovelace" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.ETag!.IsWeak, Is.False);
            Assert.That(response.Headers.ETag.Tag, Does.Match("^\"[0-9]+\"$"));
        }
    }

    [Test]
    public async Task Create_accepts_the_longest_email_and_full_name()
    {
        var email = TestEmails.OfLength(254);
        var fullName = "  " + new string('n', 200) + "  ";

        using var response = await Client.PostUserAsync(new { email, fullName });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Create_stores_a_full_name_of_200_emoji_as_200_characters()
    {
        var fullName = string.Concat(Enumerable.Repeat("\U0001F600", 200));

        using var response = await Client.PostUserAsync(new { email = "emoji@example.com", fullName });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadAsync<UserResponse>()).FullName, Is.EqualTo(fullName));
    }

    [Test]
    public async Task Create_returns_409_when_email_differs_only_in_case()
    {
        await Client.CreateUserAsync(email: "grace@example.com");

        using var response = await Client.PostUserAsync(new { email = "GRACE@example.COM", fullName = "Grace Hopper" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.ReadAsync<Problem>();
        Assert.That(problem.Status, Is.EqualTo(409));
    }

    public static IEnumerable<TestCaseData> InvalidBodies()
    {
        yield return Case("missing_email", """{"fullName":"Ada Lovelace"}""", "email");
        yield return Case("missing_fullName", """{"email":"ada@example.com"}""", "fullName");
        yield return Case("empty_fullName", """{"email":"ada@example.com","fullName":""}""", "fullName");
        yield return Case("blank_fullName", """{"email":"ada@example.com","fullName":"   "}""", "fullName");
        yield return Case(
            "fullName_of_201_chars_after_trim",
            $$"""{"email":"ada@example.com","fullName":"  {{new string('n', 201)}}  "}""",
            "fullName");
        yield return Case(
            "email_of_255_chars",
            $$"""{"email":"{{TestEmails.OfLength(255)}}","fullName":"Ada"}""",
            "email");
        yield return Case("email_without_at_sign", """{"email":"ada.example.com","fullName":"Ada"}""", "email");
        yield return Case("email_with_spaces", """{"email":"ada lovelace@example.com","fullName":"Ada"}""", "email");
        yield return Case("email_carrying_markup", """{"email":"<script>alert(1)</script>@example.com","fullName":"Ada"}""", "email");
        yield return Case("email_without_a_dotted_domain", """{"email":"ada@localhost","fullName":"Ada"}""", "email");
        yield return Case("nul_character_in_fullName", """{"email":"ada@example.com","fullName":"Ada\u0000Lovelace"}""", "fullName");
        yield return Case("lone_surrogate_in_email", """{"email":"ada\ud800@example.com","fullName":"Ada"}""", "email");
        yield return Case("isActive_as_a_string", """{"email":"ada@example.com","fullName":"Ada","isActive":"yes"}""", "isActive");
        yield return Case("email_as_a_number", """{"email":42,"fullName":"Ada"}""", "email");
        yield return Case("malformed_json", """{"email":"ada@example.com",""", "body");
        yield return Case("empty_body", string.Empty, "body");
        yield return Case("json_null", "null", "body");
        yield return Case("json_array", """[{"email":"ada@example.com","fullName":"Ada"}]""", "body");
        yield return Case("email_given_twice", """{"email":"ada@example.com","fullName":"Ada","email":"eve@example.com"}""", "email");
        yield return Case("an_unknown_field", """{"email":"ada@example.com","fullName":"Ada","isAdmin":true}""", "isAdmin");
        yield return Case("a_field_in_another_case", """{"email":"ada@example.com","Fullname":"Ada"}""", "fullname");
        yield return Case("a_read_only_field", """{"email":"ada@example.com","fullName":"Ada","id":"01a21545-e6fa-71b0-a3b1-269e928ae71b"}""", "id");
    }

    [TestCase("""{"email":"ada@example.com","fullName":"Ada","email":"eve@example.com"}""", "email", "'email' is given more than once.")]
    [TestCase("""{"email":"ada@example.com","fullName":"Ada","isAdmin":true}""", "isAdmin", "'isAdmin' is not a field of this request")]
    [TestCase("""{"email":42,"fullName":"Ada"}""", "email", "'email' must be a string.")]
    [TestCase("""{"email":"ada@example.com","fullName":"Ada","isActive":"yes"}""", "isActive", "'isActive' must be true or false.")]
    [TestCase("""[]""", "body", "The request body is not a valid JSON object.")]
    public async Task Create_returns_400_saying_why_the_json_is_refused(string body, string field, string why)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await Client.PostAsync(UsersClient.Path, content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.That(problem.Errors![field], Has.One.StartsWith(why));
    }

    [Test]
    public async Task Create_refused_for_a_duplicate_field_stores_nothing()
    {
        using var content = new StringContent(
            """{"email":"ada@example.com","fullName":"Ada","email":"eve@example.com"}""", Encoding.UTF8, "application/json");
        using var refused = await Client.PostAsync(UsersClient.Path, content);

        using var list = await Client.GetAsync(UsersClient.Path);

        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page.Items, Is.Empty);
        }
    }

    [TestCaseSource(nameof(InvalidBodies))]
    public async Task Create_returns_400_problem_naming_the_field(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await Client.PostAsync(UsersClient.Path, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.ReadAsync<Problem>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ProblemJson));
            Assert.That(problem.Status, Is.EqualTo(400));
            Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { field }));
        }
    }

    [Test]
    public async Task Create_returns_415_problem_for_text_plain()
    {
        using var content = new StringContent("""{"email":"ada@example.com","fullName":"Ada"}""", Encoding.UTF8, "text/plain");

        using var response = await Client.PostAsync(UsersClient.Path, content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Create_returns_415_problem_for_form_content()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "ada@example.com",
            ["fullName"] = "Ada Lovelace",
        });

        using var response = await Client.PostAsync(UsersClient.Path, content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Create_returns_413_problem_for_a_body_over_1_MiB()
    {
        var body = $$"""{"email":"ada@example.com","fullName":"{{new string('n', 2 * 1024 * 1024)}}"}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await Client.PostAsync(UsersClient.Path, content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private static TestCaseData Case(string name, string body, string field) =>
        new TestCaseData(body, field).SetName($"Create_returns_400_problem_naming_{field}_for_{name}");
}
