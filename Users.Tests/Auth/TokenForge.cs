using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>
/// Makes access tokens outside the app: a <see cref="Valid"/> one exactly as the app's issuer would (so a test can
/// show the app accepts it), and from there tokens with one thing wrong, to show the app refuses each of them.
/// </summary>
public static class TokenForge
{
    /// <summary>The default <c>Jwt:Issuer</c> and <c>Jwt:Audience</c> of appsettings.json.</summary>
    public const string Issuer = "users";

    public const string Audience = "users-api";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>
    /// What the app's issuer would sign for this user at <paramref name="now"/>, signed with the test app's key; change
    /// a property to forge a bad token.
    /// </summary>
    public static SecurityTokenDescriptor Valid(Guid userId, string role, DateTimeOffset now) => new()
    {
        Issuer = Issuer,
        Audience = Audience,
        IssuedAt = now.UtcDateTime,
        NotBefore = now.UtcDateTime,
        Expires = now.UtcDateTime + Lifetime,
        Claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["role"] = role },
        SigningCredentials = Es256(TestKeys.SigningPem, TestKeys.SigningKeyId),
    };

    /// <summary>ES256 with the private key in <paramref name="pem"/>, naming <paramref name="keyId"/> as <c>kid</c> (none if null).</summary>
    public static SigningCredentials Es256(string pem, string? keyId)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>HS256 keyed with <paramref name="secret"/>: the algorithm-confusion attack, with a public key as the secret.</summary>
    public static SigningCredentials Hs256(byte[] secret, string keyId) =>
        new(new SymmetricSecurityKey(secret) { KeyId = keyId }, SecurityAlgorithms.HmacSha256);

    /// <summary>The token text; <c>alg: none</c> and no signature when the descriptor has no signing credentials.</summary>
    public static string Create(SecurityTokenDescriptor descriptor) => Handler.CreateToken(descriptor);

    /// <summary>The same token with one payload claim set to another string, header and signature untouched.</summary>
    public static string WithClaim(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload[claim] = value;
        parts[1] = Base64UrlEncoder.Encode(payload.ToJsonString());
        return string.Join('.', parts);
    }

    /// <summary>The same token with one bit of its signature flipped.</summary>
    public static string WithSignatureChanged(string token)
    {
        var parts = token.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[signature.Length / 2] ^= 0x01;
        parts[2] = Base64UrlEncoder.Encode(signature);
        return string.Join('.', parts);
    }

    /// <summary>The public point of the key in <paramref name="pem"/> as a key that verifies, named <paramref name="keyId"/>.</summary>
    public static ECDsaSecurityKey PublicKey(string pem, string keyId)
    {
        using var source = ECDsa.Create();
        source.ImportFromPem(pem);
        return new ECDsaSecurityKey(ECDsa.Create(source.ExportParameters(includePrivateParameters: false))) { KeyId = keyId };
    }

    /// <summary>The public point of the key in <paramref name="pem"/>, base64url, as a JWK publishes it.</summary>
    public static (string X, string Y) PublicPoint(string pem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        return (Base64UrlEncoder.Encode(point.X), Base64UrlEncoder.Encode(point.Y));
    }

    /// <summary>What a client of the app checks in a token, for tests that verify tokens outside the app.</summary>
    public static TokenValidationParameters Expecting(SecurityKey key, string issuer = Issuer, string audience = Audience) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = audience,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        IssuerSigningKey = key,
    };

    /// <summary>Validates outside the app, with the given parameters.</summary>
    public static Task<TokenValidationResult> ValidateAsync(string token, TokenValidationParameters parameters) =>
        Handler.ValidateTokenAsync(token, parameters);
}
