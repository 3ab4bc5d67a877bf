using System.Net;
using System.Text.Json;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Accounts;

public sealed class SignUpTests : DatabaseTest
{
    private const string TooEasy = "'password' is too easy to guess";
    private const string OutOfLength = "'password' must be 12 to 128 characters long.";

    private static readonly string[] UserFields = ["id", "email", "fullName", "isActive", "emailVerified", "role", "createdAt", "updatedAt"];
    private static readonly string[] PasswordOnly = ["password"];
    private static readonly string[] SignUpFields = ["email", "fullName", "password"];

    [Test]
    public async Task Sign_up_returns_201_with_location_etag_and_an_active_ordinary_user()
    {
        using var response = await Anonymous.PostSignUpAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", password = AuthClient.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var user = body.RootElement;
        var id = user.GetProperty("id").GetGuid();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.GetProperty("email").GetString(), Is.EqualTo("ada@example.com"));
            Assert.That(user.GetProperty("fullName").GetString(), Is.EqualTo("Ada Lovelace"));
            Assert.That(user.GetProperty("role").GetString(), Is.EqualTo("user"));
            Assert.That(user.GetProperty("isActive").GetBoolean(), Is.True);
            Assert.That(new Uri(Anonymous.BaseAddress!, response.Headers.Location!).AbsolutePath, Is.EqualTo($"{UsersClient.Path}/{id}"));
            Assert.That(response.Headers.ETag, Is.Not.Null);
        }
    }

    [Test]
    public async Task Sign_up_answers_no_password_or_hash_field()
    {
        using var response = await Anonymous.PostSignUpAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", password = AuthClient.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        var fields = body.RootElement.EnumerateObject().Select(property => property.Name);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fields, Is.EquivalentTo(UserFields));
            Assert.That(text, Does.Not.Contain(AuthClient.Password));
        }
    }

    [Test]
    public async Task Sign_up_stores_the_user_at_its_location_with_the_same_etag()
    {
        using var signUp = await Anonymous.PostSignUpAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", password = AuthClient.Password });
        var created = await signUp.ReadAsync<UserResponse>();

        using var read = await Client.GetAsync(signUp.Headers.Location);

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stored = await read.ReadAsync<UserResponse>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Id, Is.EqualTo(created.Id));
            Assert.That(stored.Email, Is.EqualTo("ada@example.com"));
            Assert.That(read.Headers.ETag?.Tag, Is.EqualTo(signUp.Headers.ETag?.Tag));
        }
    }

    [Test]
    public async Task Signed_up_account_can_sign_in_with_its_password()
    {
        var user = await Anonymous.SignUpAsync("ada@example.com", "Ada Lovelace", AuthClient.Password);

        var tokens = await Anonymous.TokenAsync("ada@example.com", AuthClient.Password);

        using var me = App.WithAccessToken(tokens.AccessToken);
        using var response = await me.GetAsync(MeClient.Path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadAsync<UserResponse>()).Id, Is.EqualTo(user.Id));
    }

    [TestCase("password1234", TestName = "Sign_up_refuses_a_common_password")]
    [TestCase("grace.hopper@example.com!", TestName = "Sign_up_refuses_the_email_itself_plus_a_symbol")]
    [TestCase("Grace Brewster Hopper", TestName = "Sign_up_refuses_the_users_own_name")]
    [TestCase("brewster hopper 1", TestName = "Sign_up_refuses_parts_of_the_users_name")]
    public async Task Sign_up_refuses_a_password_that_is_easy_to_guess(string password)
    {
        using var response = await Anonymous.PostSignUpAsync(new { email = "grace.hopper@example.com", fullName = "Grace Brewster Hopper", password });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "password");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Errors!.Keys, Is.EquivalentTo(PasswordOnly));
            Assert.That(problem.Errors["password"], Has.One.StartsWith(TooEasy));
        }
    }

    [Test]
    public async Task Sign_up_refused_for_a_weak_password_stores_nothing()
    {
        using var refused = await Anonymous.PostSignUpAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", password = "password1234" });

        using var list = await Client.GetAsync(UsersClient.Path);

        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page.Items, Is.Empty);
        }
    }

    public static IEnumerable<TestCaseData> PasswordsOfTheWrongLength()
    {
        yield return new TestCaseData("k9#Qv!x2Lm@").SetName("Sign_up_refuses_a_password_of_11_characters");
        yield return new TestCaseData(Emoji(4) + "q7!Wz%e").SetName("Sign_up_refuses_11_code_points_that_are_15_UTF16_units");
        yield return new TestCaseData(Phrase(129)).SetName("Sign_up_refuses_a_password_of_129_characters");
        yield return new TestCaseData(Emoji(129)).SetName("Sign_up_refuses_129_emoji");
    }

    [TestCaseSource(nameof(PasswordsOfTheWrongLength))]
    public async Task Sign_up_refuses_a_password_of_the_wrong_length(string password)
    {
        using var response = await Anonymous.PostSignUpAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", password });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "password");
        Assert.That(problem.Errors!["password"], Is.EqualTo(new[] { OutOfLength }));
    }

    public static IEnumerable<TestCaseData> StrongPasswordsCountedInCodePoints()
    {
        yield return new TestCaseData(Emoji(4) + "q7!Wz%e2").SetName("Sign_up_accepts_12_code_points_of_which_4_are_emoji");
        yield return new TestCaseData(Emoji(128)).SetName("Sign_up_accepts_128_emoji_that_are_256_UTF16_units");
        yield return new TestCaseData(Phrase(128)).SetName("Sign_up_accepts_a_password_of_128_characters");
    }

    /// <summary>NIST counts characters as code points: an emoji is one character, not its two UTF-16 units.</summary>
    [TestCaseSource(nameof(StrongPasswordsCountedInCodePoints))]
    public async Task Sign_up_counts_password_length_in_code_points(string password)
    {
        using var response = await Anonymous.PostSignUpAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(await Anonymous.TokenStatusAsync("ada@example.com", password), Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("""{"fullName":"Ada Lovelace","password":"violet anchor maple drums"}""", "email")]
    [TestCase("""{"email":"ada@example.com","password":"violet anchor maple drums"}""", "fullName")]
    [TestCase("""{"email":"ada@example.com","fullName":"Ada Lovelace"}""", "password")]
    [TestCase("""{"email":"ada@example.com","fullName":"Ada Lovelace","password":null}""", "password")]
    [TestCase("""{"email":"ada@example.com","fullName":"Ada Lovelace","password":""}""", "password")]
    public async Task Sign_up_returns_400_naming_a_missing_field(string body, string field)
    {
        using var response = await Anonymous.PostJsonAsync(AuthClient.SignUpPath, body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { field }));
    }

    [Test]
    public async Task Sign_up_of_an_empty_object_names_every_required_field()
    {
        using var response = await Anonymous.PostJsonAsync(AuthClient.SignUpPath, "{}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.Errors?.Keys, Is.EquivalentTo(SignUpFields));
    }

    [Test]
    public async Task Sign_up_returns_409_for_an_email_taken_in_another_case()
    {
        await Anonymous.SignUpAsync(email: "grace@example.com", fullName: "Grace Hopper");

        using var response = await Anonymous.PostSignUpAsync(new { email = "GRACE@Example.COM", fullName = "Another Grace", password = AuthClient.OtherPassword });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [TestCase("""{"email":"ada@example.com","fullName":"Ada Lovelace","password":"violet anchor maple drums","role":"admin"}""", "role")]
    [TestCase("""{"email":"ada@example.com","fullName":"Ada Lovelace","password":"violet anchor maple drums","isActive":false}""", "isActive")]
    [TestCase("""{"email":"ada@example.com","fullName":"Ada Lovelace","password":"violet anchor maple drums","passwordHash":"x"}""", "passwordHash")]
    public async Task Sign_up_returns_400_naming_a_field_it_does_not_take(string body, string field)
    {
        using var response = await Anonymous.PostJsonAsync(AuthClient.SignUpPath, body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.That(problem.Errors![field], Has.One.StartsWith($"'{field}' is not a field of this request"));
    }

    [Test]
    public async Task Sign_up_as_admin_is_refused_and_stores_nothing()
    {
        using var refused = await Anonymous.PostJsonAsync(
            AuthClient.SignUpPath, """{"email":"eve@example.com","fullName":"Eve","password":"violet anchor maple drums","role":"admin"}""");

        using var list = await Client.GetAsync(UsersClient.Path);

        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page.Items, Is.Empty);
        }
    }

    [Test]
    public async Task Sign_up_returns_403_problem_when_sign_up_is_closed()
    {
        await using var closed = new UsersApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string?> { ["Accounts:AllowSignup"] = "false" });
        using var anonymous = closed.Anonymous();

        using var response = await anonymous.PostSignUpAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", password = AuthClient.Password });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        using var list = await Client.GetAsync(UsersClient.Path);
        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Does.Contain("Sign-up is closed"));
            Assert.That(page.Items, Is.Empty);
        }
    }

    /// <summary>Distinct emoji (U+1F400 to U+1F4FF, stepped so no two neighbours are close): each one code point, two UTF-16 units.</summary>
    private static string Emoji(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => char.ConvertFromUtf32(0x1F400 + (i * 53 % 256))));

    /// <summary>Unrelated words up to exactly <paramref name="length"/> ASCII characters.</summary>
    private static string Phrase(int length)
    {
        const string Words = "orbit fennel quartz lantern violet anchor maple drums copper kettle winter sparrow basalt cobalt tundra " +
            "saffron harbor pylon juniper ember glacier walrus thimble nectar prism";
        return Words[..length];
    }
}
