using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Users.Api.Auth;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>What JwtBearer validated is remembered under the exact header, until the token expires, and nothing else is.</summary>
public sealed class ValidatedBearerTokensTests
{
    private const string Header = "Bearer a.b.c";

    private readonly TestClock _clock = new();

    [Test]
    public async Task A_validated_token_is_found_under_its_exact_header_until_it_expires()
    {
        using var tokens = new ValidatedBearerTokens(_clock);
        var result = Success(expiresIn: TimeSpan.FromMinutes(15));

        tokens.Remember(Header, result);

        var found = tokens.Find(Header);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found is null ? null : await found, Is.SameAs(result));
            Assert.That(tokens.Find("Bearer a.b.C"), Is.Null, "a changed byte is another token");
            Assert.That(tokens.Find("bearer a.b.c"), Is.Null, "another spelling of the header is validated afresh");
        }
    }

    [Test]
    public void A_remembered_token_is_not_found_once_its_expiry_and_the_clock_skew_have_passed()
    {
        using var tokens = new ValidatedBearerTokens(_clock);
        tokens.Remember(Header, Success(expiresIn: TimeSpan.FromMinutes(15)));

        _clock.Advance(TimeSpan.FromMinutes(15) + JwtBearerSetup.ClockSkew + TimeSpan.FromSeconds(1));

        Assert.That(tokens.Find(Header), Is.Null);
    }

    [Test]
    public void A_failed_validation_is_not_remembered()
    {
        using var tokens = new ValidatedBearerTokens(_clock);

        tokens.Remember(Header, AuthenticateResult.Fail("bad signature"));

        Assert.That(tokens.Find(Header), Is.Null);
    }

    [Test]
    public void A_result_without_an_expiry_is_not_remembered()
    {
        using var tokens = new ValidatedBearerTokens(_clock);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "someone")], "test"));

        tokens.Remember(Header, AuthenticateResult.Success(new AuthenticationTicket(principal, "test")));

        Assert.That(tokens.Find(Header), Is.Null);
    }

    private AuthenticateResult Success(TimeSpan expiresIn)
    {
        var expires = (_clock.GetUtcNow() + expiresIn).ToUnixTimeSeconds();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("exp", expires.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, "test"));
    }
}
