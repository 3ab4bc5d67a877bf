using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Users.Api.Auth;

/// <summary>One loaded ES256 key and its id; <see cref="CanSign"/> when it has its private part.</summary>
public sealed class SigningKey
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    private SigningKey(string id, ECDsa key, bool canSign)
    {
        Id = id;
        SecurityKey = new ECDsaSecurityKey(key) { KeyId = id };
        CanSign = canSign;
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        X = Base64UrlEncoder.Encode(point.X);
        Y = Base64UrlEncoder.Encode(point.Y);
    }

    public string Id { get; }

    public ECDsaSecurityKey SecurityKey { get; }

    public bool CanSign { get; }

    /// <summary>The public point's coordinates, base64url, as a JWK publishes them.</summary>
    public string X { get; }

    public string Y { get; }

    /// <summary>Reads a P-256 key from PEM text; says why not in <paramref name="error"/>.</summary>
    public static SigningKey? TryLoad(string id, string pem, out string? error)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            key.Dispose();
            error = "is not a PEM-encoded EC key.";
            return null;
        }

        // A key written with explicit curve parameters (openssl's ec_param_enc:explicit) names no curve at all.
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (!curve.IsNamed || curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            key.Dispose();
            error = curve.IsNamed
                ? "is not on the P-256 curve that ES256 needs."
                : "gives its curve as explicit parameters; ES256 needs a key that names the P-256 curve (openssl's default).";
            return null;
        }

        error = null;
        return new SigningKey(id, key, canSign: HasPrivatePart(key));
    }

    public static string CreatePrivatePem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static bool HasPrivatePart(ECDsa key)
    {
        try
        {
            return key.ExportParameters(includePrivateParameters: true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
