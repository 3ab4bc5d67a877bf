namespace Users.Api.Auth;

/// <summary>One ES256 (P-256) key, as PEM text or a PEM file: a private key can sign, a public key only verifies.</summary>
public sealed class JwtKeyOptions
{
    /// <summary>The <c>kid</c> tokens signed with this key carry.</summary>
    public string? Id { get; set; }

    /// <summary>PEM text of the key (<c>PRIVATE KEY</c>, <c>EC PRIVATE KEY</c> or <c>PUBLIC KEY</c>).</summary>
    public string? Pem { get; set; }

    /// <summary>A file holding the PEM text instead, e.g. a mounted secret.</summary>
    public string? PemFile { get; set; }
}
