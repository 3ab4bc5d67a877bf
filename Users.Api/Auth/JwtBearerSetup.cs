using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Users.Api.Auth;

/// <summary>
/// Validates access tokens against the key ring: ES256 only, the configured issuer and audience, a lifetime on the
/// app's clock, and a <c>kid</c> that names a known key (no trying every key). Failures are RFC 9457 problems.
/// </summary>
public sealed class JwtBearerSetup(JwtKeyRing keys, IOptions<JwtOptions> options, TimeProvider clock)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <summary>Room for clocks of the issuer and this node that disagree slightly.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public void Configure(string? name, JwtBearerOptions bearer)
    {
        var settings = options.Value;
        bearer.MapInboundClaims = false;

        // Nothing reads the raw token back from the authentication properties; storing it cost a dictionary per request.
        bearer.SaveToken = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            ValidAlgorithms = [SigningKey.Algorithm],
            ValidTypes = ["JWT"],
            IssuerSigningKeys = keys.Keys.Select(key => key.SecurityKey).ToList(),
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidLifetime,
            NameClaimType = AccessTokenClaims.Subject,
            RoleClaimType = AccessTokenClaims.Role,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = RequireCaller,
            OnChallenge = AuthProblems.ChallengeAsync,
            OnForbidden = AuthProblems.ForbiddenAsync,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    /// <summary>
    /// A signed token that names no user or no known role is refused like a forged one (<c>invalid_token</c>), before
    /// anything else about the request is looked at.
    /// </summary>
    private static Task RequireCaller(TokenValidatedContext context)
    {
        if (context.Principal?.FindCaller() is null)
        {
            context.Fail(CallerClaims.Unusable);
        }

        return Task.CompletedTask;
    }

    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } end && now < end + ClockSkew && (notBefore is not { } start || start - ClockSkew <= now);
    }
}
