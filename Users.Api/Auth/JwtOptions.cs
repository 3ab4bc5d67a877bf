namespace Users.Api.Auth;

/// <summary>The <c>Jwt</c> settings: who issues access tokens, for whom, for how long, and the keys that sign them.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>The <c>iss</c> of every token; validated on every request.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The <c>aud</c> of every token; validated on every request.</summary>
    public string Audience { get; set; } = string.Empty;

    /// <summary>How long an access token is valid; 15 minutes unless set.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The id (<c>kid</c>) of the key that signs new tokens; may be left out when only one key has a private part.</summary>
    public string? SigningKeyId { get; set; }

    /// <summary>Every key whose tokens are accepted: the signing key and, during a rotation, the ones before or after it.</summary>
    public List<JwtKeyOptions> Keys { get; set; } = [];

    /// <summary>Development only: where the key generated on first run is kept (relative to the content root).</summary>
    public string DevelopmentKeyFile { get; set; } = Path.Combine(".local", "jwt", "development-signing-key.pem");
}
