using System.Net;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Accounts;

public sealed class TokenTests : DatabaseTest
{
    [Test]
    public async Task Token_returns_a_bearer_access_token_for_15_minutes_and_a_refresh_token()
    {
        await Anonymous.SignUpAsync();

        var tokens = await Anonymous.TokenAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tokens.TokenType, Is.EqualTo("Bearer"));
            Assert.That(tokens.ExpiresIn, Is.EqualTo(900));
            Assert.That(tokens.AccessToken.Split('.'), Has.Length.EqualTo(3), "a JWS in compact form");
            Assert.That(tokens.RefreshToken, Does.Match("^[A-Za-z0-9_-]{43}$"), "256 bits, base64url");
        }
    }

    [Test]
    public async Task Token_response_may_not_be_stored_by_caches()
    {
        await Anonymous.SignUpAsync();

        using var response = await Anonymous.PostTokenAsync("ada@example.com", AuthClient.Password);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        }
    }

    [Test]
    public async Task Token_gives_an_access_token_that_reads_the_callers_own_account()
    {
        var user = await Anonymous.SignUpAsync();
        var tokens = await Anonymous.TokenAsync();
        using var client = App.WithAccessToken(tokens.AccessToken);

        using var response = await client.GetAsync(MeClient.Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var me = await response.ReadAsync<UserResponse>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(me.Id, Is.EqualTo(user.Id));
            Assert.That(me.Email, Is.EqualTo(user.Email));
        }
    }

    [Test]
    public async Task Token_gives_a_new_refresh_token_on_every_sign_in()
    {
        await Anonymous.SignUpAsync();

        var first = await Anonymous.TokenAsync();
        var second = await Anonymous.TokenAsync();

        Assert.That(second.RefreshToken, Is.Not.EqualTo(first.RefreshToken));
    }

    [Test]
    public async Task Token_answers_an_unknown_email_exactly_as_a_wrong_password()
    {
        await Anonymous.SignUpAsync("ada@example.com");

        using var unknownEmail = await Anonymous.PostTokenAsync("nobody@example.com", AuthClient.Password);
        using var wrongPassword = await Anonymous.PostTokenAsync("ada@example.com", AuthClient.OtherPassword);

        var unknown = await ProblemAssert.IsProblemAsync(unknownEmail, HttpStatusCode.Unauthorized);
        var wrong = await ProblemAssert.IsProblemAsync(wrongPassword, HttpStatusCode.Unauthorized);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrong.Title, Is.EqualTo(unknown.Title));
            Assert.That(wrong.Detail, Is.EqualTo(unknown.Detail));
            Assert.That(unknownEmail.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
            Assert.That(wrongPassword.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        }
    }

    [Test]
    public async Task Token_returns_401_for_a_user_an_admin_deactivated()
    {
        var user = await Anonymous.SignUpAsync();
        using var deactivated = await Client.PatchUserAsync(user.Id, new { isActive = false });
        Assert.That(deactivated.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await Anonymous.PostTokenAsync(user.Email, AuthClient.Password);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(problem.Detail, Is.EqualTo(await WrongPasswordDetailAsync(user.Email)));
    }

    [Test]
    public async Task Token_returns_401_for_a_user_an_admin_created_without_a_password()
    {
        var user = await Client.CreateUserAsync(email: "ada@example.com");

        using var response = await Anonymous.PostTokenAsync(user.User.Email, AuthClient.Password);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(problem.Detail, Is.EqualTo(await WrongPasswordDetailAsync(user.User.Email)));
    }

    [Test]
    public async Task Token_returns_200_for_a_user_an_admin_created_with_a_password()
    {
        using var created = await Client.PostUserAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", password = AuthClient.Password });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());

        Assert.That(await Anonymous.TokenStatusAsync("ada@example.com", AuthClient.Password), Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("ADA.LOVELACE@EXAMPLE.COM")]
    [TestCase("ada.lovelace@example.com")]
    [TestCase("  Ada.Lovelace@Example.com  ")]
    public async Task Token_matches_the_email_regardless_of_case(string email)
    {
        var user = await Anonymous.SignUpAsync("Ada.Lovelace@Example.com");

        var tokens = await Anonymous.TokenAsync(email);

        using var client = App.WithAccessToken(tokens.AccessToken);
        using var me = await client.GetAsync(MeClient.Path);
        Assert.That((await me.ReadAsync<UserResponse>()).Id, Is.EqualTo(user.Id));
    }

    [Test]
    public async Task Token_is_refused_for_the_password_in_another_case()
    {
        await Anonymous.SignUpAsync();

        using var response = await Anonymous.PostTokenAsync("ada@example.com", AuthClient.Password.ToUpperInvariant());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestCase("""{"password":"violet anchor maple drums"}""", "email")]
    [TestCase("""{"email":"ada@example.com"}""", "password")]
    [TestCase("""{"email":"ada@example.com","password":""}""", "password")]
    public async Task Token_returns_400_naming_a_missing_field(string body, string field)
    {
        using var response = await Anonymous.PostJsonAsync(AuthClient.TokenPath, body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [TestCase("""{"email":"ada\u0000@example.com","password":"violet anchor maple drums"}""", "email")]
    [TestCase("""{"email":"not an address","password":"violet anchor maple drums"}""", "email")]
    [TestCase("""{"email":"ada@example.com","password":"violet anchor maple drums\u0000"}""", "password")]
    public async Task Token_returns_400_for_a_field_no_account_could_have(string body, string field)
    {
        using var response = await Anonymous.PostJsonAsync(AuthClient.TokenPath, body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    private async Task<string?> WrongPasswordDetailAsync(string email)
    {
        using var response = await Anonymous.PostTokenAsync(email, "not the password at all");
        return (await response.ReadAsync<Problem>()).Detail;
    }
}
