using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Users.Application.Accounts;
using Users.Domain.Users;

namespace Users.Api.Auth;

/// <summary>Issues ES256 JWTs signed with the ring's signing key, whose id they carry as <c>kid</c>.</summary>
public sealed class JwtAccessTokenIssuer(JwtKeyRing keys, IOptions<JwtOptions> options, TimeProvider clock) : IAccessTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials = new(keys.Signer.SecurityKey, SigningKey.Algorithm);

    public Application.Accounts.JsonWebKeySet VerificationKeys { get; } = new()
    {
        Keys = [.. keys.Keys.Select(key => new JsonWebKeyResponse
        {
            KeyType = "EC",
            Use = "sig",
            Algorithm = SigningKey.Algorithm,
            KeyId = key.Id,
            Curve = "P-256",
            X = key.X,
            Y = key.Y,
        })],
    };

    public AccessToken Issue(User user)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.AccessTokenLifetime,
            SigningCredentials = _credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(AccessTokenClaims.Subject, user.Id.ToString()),
                new Claim(AccessTokenClaims.Role, RoleNames.Of(user.Role)),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
        });
        return new AccessToken(token, settings.AccessTokenLifetime);
    }
}
