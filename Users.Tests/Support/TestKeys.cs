using System.Security.Cryptography;

namespace Users.Tests.Support;

/// <summary>ES256 keys made for this test run: the one the test app signs with, and others for rotation and forgery.</summary>
public static class TestKeys
{
    public const string SigningKeyId = "test-signing";

    public static string SigningPem { get; } = NewPem();

    /// <summary>A key the app does not know, for tokens that must be refused.</summary>
    public static string StrangerPem { get; } = NewPem();

    /// <summary>The settings that give an app the signing key (and nothing else of Jwt, which appsettings.json gives).</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Jwt:Keys:0:Id"] = SigningKeyId,
        ["Jwt:Keys:0:Pem"] = SigningPem,
    };

    public static string NewPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    public static string PublicPemOf(string privatePem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        return key.ExportSubjectPublicKeyInfoPem();
    }
}
