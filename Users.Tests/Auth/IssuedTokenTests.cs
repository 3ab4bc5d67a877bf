using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Users.Application.Accounts;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>What an access token from the app says: ES256 under the signing key's id, and the settings' claims.</summary>
public sealed class IssuedTokenTests : DatabaseTest
{
    private const string TokenPath = "/api/v1/auth/token";

    [Test]
    public async Task A_token_from_sign_in_is_an_ES256_JWT_under_the_signing_key_id()
    {
        using var user = await App.SignInAsync(withPassword: true);

        var token = new JsonWebToken((await SignInAsync(Anonymous, user.Email)).AccessToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.Alg, Is.EqualTo("ES256"));
            Assert.That(token.Kid, Is.EqualTo(TestKeys.SigningKeyId));
            Assert.That(token.Typ, Is.EqualTo("JWT"));
        }
    }

    [Test]
    public async Task A_token_from_sign_in_names_the_user_role_issuer_audience_and_lasts_the_configured_lifetime()
    {
        using var user = await App.SignInAsync(withPassword: true);

        var response = await SignInAsync(Anonymous, user.Email);

        var token = new JsonWebToken(response.AccessToken);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.Subject, Is.EqualTo(user.Id.ToString()));
            Assert.That(token.GetClaim("role").Value, Is.EqualTo("user"));
            Assert.That(token.Issuer, Is.EqualTo(TokenForge.Issuer));
            Assert.That(token.Audiences, Is.EqualTo(new List<string> { TokenForge.Audience }));
            Assert.That(token.ValidTo - token.IssuedAt, Is.EqualTo(TokenForge.Lifetime));
            Assert.That(token.ValidFrom, Is.EqualTo(token.IssuedAt));
            Assert.That(token.IssuedAt, Is.EqualTo(App.Clock.GetUtcNow().UtcDateTime).Within(TimeSpan.FromMinutes(1)));
            Assert.That(token.Id, Is.Not.Empty, "jti");
            Assert.That(response.ExpiresIn, Is.EqualTo((int)TokenForge.Lifetime.TotalSeconds));
            Assert.That(response.TokenType, Is.EqualTo("Bearer"));
        }
    }

    [Test]
    public async Task A_token_is_issued_on_the_app_clock()
    {
        App.Clock.Advance(TimeSpan.FromDays(3));
        using var user = await App.SignInAsync(withPassword: true);

        var token = new JsonWebToken((await SignInAsync(Anonymous, user.Email)).AccessToken);

        Assert.That(token.IssuedAt, Is.EqualTo(App.Clock.GetUtcNow().UtcDateTime).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task An_admin_token_names_the_admin_role()
    {
        using var admin = await App.SignInAsAdminAsync();

        var token = new JsonWebToken(admin.AccessToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.Subject, Is.EqualTo(admin.Id.ToString()));
            Assert.That(token.GetClaim("role").Value, Is.EqualTo("admin"));
        }
    }

    [Test]
    public async Task Tokens_carry_the_configured_issuer_audience_and_lifetime_and_only_that_app_accepts_them()
    {
        await using var configured = new UsersApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string?>
        {
            ["Jwt:Issuer"] = "https://login.example.com",
            ["Jwt:Audience"] = "billing-api",
            ["Jwt:AccessTokenLifetime"] = "00:05:00",
        });
        using var user = await configured.SignInAsync(withPassword: true);
        using var anonymous = configured.Anonymous();

        var response = await SignInAsync(anonymous, user.Email);

        var token = new JsonWebToken(response.AccessToken);
        using var here = await anonymous.GetWithTokenAsync(BearerRequests.Me, response.AccessToken);
        using var elsewhere = await Anonymous.GetWithTokenAsync(BearerRequests.Me, response.AccessToken);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.Issuer, Is.EqualTo("https://login.example.com"));
            Assert.That(token.Audiences, Is.EqualTo(new List<string> { "billing-api" }));
            Assert.That(token.ValidTo - token.IssuedAt, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(response.ExpiresIn, Is.EqualTo(300));
            Assert.That(here.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await here.ReadAsync<UserResponse>()).Id, Is.EqualTo(user.Id));
        }

        await BearerAssert.IsInvalidTokenAsync(elsewhere);
    }

    [Test]
    public async Task A_token_with_a_shorter_configured_lifetime_is_refused_once_that_lifetime_is_over()
    {
        await using var configured = new UsersApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string?>
        {
            ["Jwt:AccessTokenLifetime"] = "00:05:00",
        });
        using var user = await configured.SignInAsync(UserRole.User);
        configured.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(31));

        using var response = await user.Client.GetAsync(BearerRequests.Me);

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    private static async Task<TokenResponse> SignInAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync(TokenPath, new { email, password = UsersApiFactory.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<TokenResponse>();
    }
}
