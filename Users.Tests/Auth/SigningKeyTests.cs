using System.Security.Cryptography;
using Users.Api.Auth;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>Which PEM texts make an ES256 key: P-256 only, private to sign, public to verify.</summary>
public sealed class SigningKeyTests
{
    [Test]
    public void A_PKCS8_private_key_can_sign()
    {
        var key = SigningKey.TryLoad("k1", TestKeys.SigningPem, out var error);

        Assert.That(key?.CanSign, Is.True, error);
    }

    [Test]
    public void A_SEC1_EC_private_key_can_sign()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var key = SigningKey.TryLoad("k1", ecdsa.ExportECPrivateKeyPem(), out var error);

        Assert.That(key?.CanSign, Is.True, error);
    }

    [Test]
    public void A_key_after_its_curve_parameters_as_openssl_ecparam_writes_it_can_sign()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + ecdsa.ExportECPrivateKeyPem();

        var key = SigningKey.TryLoad("k1", pem, out var error);

        Assert.That(key?.CanSign, Is.True, error);
    }

    [Test]
    public void A_P256_key_with_explicit_curve_parameters_is_refused_asking_for_the_named_curve()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var explicitCurve = ECDsa.Create(ecdsa.ExportExplicitParameters(includePrivateParameters: true));

        var key = SigningKey.TryLoad("k1", explicitCurve.ExportPkcs8PrivateKeyPem(), out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key, Is.Null);
            Assert.That(error, Does.Contain("explicit").And.Contain("P-256"));
        }
    }

    [Test]
    public void A_public_key_loads_but_cannot_sign()
    {
        var key = SigningKey.TryLoad("k1", TestKeys.PublicPemOf(TestKeys.SigningPem), out var error);

        Assert.That(key, Is.Not.Null, error);
        Assert.That(key!.CanSign, Is.False);
    }

    [Test]
    public void A_key_carries_its_id_and_publishes_its_public_point_base64url()
    {
        var key = SigningKey.TryLoad("k1", TestKeys.SigningPem, out var error)!;

        var (x, y) = TokenForge.PublicPoint(TestKeys.SigningPem);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(key.Id, Is.EqualTo("k1"));
            Assert.That(key.SecurityKey.KeyId, Is.EqualTo("k1"));
            Assert.That(key.X, Is.EqualTo(x));
            Assert.That(key.Y, Is.EqualTo(y));
        }
    }

    [TestCase("1.3.132.0.34", TestName = "A_P384_key_is_refused_as_not_P256")]
    [TestCase("1.3.132.0.35", TestName = "A_P521_key_is_refused_as_not_P256")]
    [TestCase("1.3.132.0.10", TestName = "A_secp256k1_key_is_refused_as_not_P256")]
    public void A_key_on_another_curve_is_refused(string curveOid)
    {
        using var ecdsa = ECDsa.Create(ECCurve.CreateFromValue(curveOid));

        var key = SigningKey.TryLoad("k1", ecdsa.ExportPkcs8PrivateKeyPem(), out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key, Is.Null);
            Assert.That(error, Does.Contain("P-256"));
        }
    }

    [Test]
    public void An_RSA_key_is_refused_as_not_an_EC_key()
    {
        using var rsa = RSA.Create(2048);

        var key = SigningKey.TryLoad("k1", rsa.ExportPkcs8PrivateKeyPem(), out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key, Is.Null);
            Assert.That(error, Does.Contain("EC key"));
        }
    }

    [TestCase("", TestName = "Empty_text_is_refused_as_not_an_EC_key")]
    [TestCase("not a key", TestName = "Text_without_PEM_is_refused_as_not_an_EC_key")]
    [TestCase("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----", TestName = "A_PEM_block_without_a_key_is_refused_as_not_an_EC_key")]
    public void Text_that_holds_no_key_is_refused(string pem)
    {
        var key = SigningKey.TryLoad("k1", pem, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key, Is.Null);
            Assert.That(error, Does.Contain("EC key"));
        }
    }

    [Test]
    public void An_encrypted_private_key_is_refused()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var encrypted = ecdsa.ExportEncryptedPkcs8PrivateKeyPem(
            "passphrase"u8, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000));

        var key = SigningKey.TryLoad("k1", encrypted, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key, Is.Null);
            Assert.That(error, Does.Contain("EC key"));
        }
    }
}
