using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Users.Api.Auth;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>How <c>Jwt:Keys</c> and <c>Jwt:SigningKeyId</c> become the keys that verify and the one that signs.</summary>
public sealed class JwtKeyRingTests
{
    private static readonly HostingEnvironment Production = new() { EnvironmentName = Environments.Production, ContentRootPath = Path.GetTempPath() };

    [Test]
    public void The_only_private_key_signs_without_SigningKeyId_and_public_keys_verify_beside_it()
    {
        var options = Options(("current", TestKeys.SigningPem), ("next", TestKeys.PublicPemOf(TestKeys.StrangerPem)));

        var ring = JwtKeyRing.TryCreate(options, Production, out var errors);

        Assert.That(ring, Is.Not.Null, string.Join(Environment.NewLine, errors));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ring!.Signer.Id, Is.EqualTo("current"));
            Assert.That(ring.Keys.Select(key => (key.Id, key.CanSign)), Is.EqualTo(new[] { ("current", true), ("next", false) }));
        }
    }

    [Test]
    public void SigningKeyId_chooses_among_private_keys()
    {
        var options = Options(("previous", TestKeys.StrangerPem), ("current", TestKeys.SigningPem));
        options.SigningKeyId = "current";

        var ring = JwtKeyRing.TryCreate(options, Production, out var errors);

        Assert.That(ring?.Signer.Id, Is.EqualTo("current"), string.Join(Environment.NewLine, errors));
    }

    [Test]
    public void A_key_on_another_curve_is_refused_naming_its_place()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var options = Options(("current", TestKeys.SigningPem), ("other", p384.ExportPkcs8PrivateKeyPem()));

        var ring = JwtKeyRing.TryCreate(options, Production, out var errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ring, Is.Null);
            Assert.That(errors, Has.One.Contains("Jwt:Keys:1").And.Contains("P-256"));
        }
    }

    [Test]
    public void Every_bad_key_is_reported_at_once()
    {
        var options = Options((null, TestKeys.SigningPem), ("no-pem", null), ("not-pem", "not a key"));

        var ring = JwtKeyRing.TryCreate(options, Production, out var errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ring, Is.Null);
            Assert.That(errors, Has.One.Contains("Jwt:Keys:0:Id"));
            Assert.That(errors, Has.One.Contains("Jwt:Keys:1 "));
            Assert.That(errors, Has.One.Contains("Jwt:Keys:2 "));
        }
    }

    [Test]
    public void Keys_without_a_private_part_cannot_make_a_ring()
    {
        var options = Options(("next", TestKeys.PublicPemOf(TestKeys.SigningPem)));

        var ring = JwtKeyRing.TryCreate(options, Production, out var errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ring, Is.Null);
            Assert.That(errors, Has.One.Contains("Jwt:Keys"));
        }
    }

    [Test]
    public void No_keys_outside_Development_is_refused_naming_Jwt_Keys()
    {
        var ring = JwtKeyRing.TryCreate(Options(), Production, out var errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ring, Is.Null);
            Assert.That(errors, Has.One.Contains("Jwt:Keys"));
        }
    }

    [Test]
    public void In_Development_a_relative_key_file_is_kept_under_the_content_root_and_reused()
    {
        var root = Path.Combine(Path.GetTempPath(), $"users-tests-{Guid.NewGuid():N}");
        try
        {
            var development = new HostingEnvironment { EnvironmentName = Environments.Development, ContentRootPath = root };
            var options = Options();
            options.DevelopmentKeyFile = Path.Combine("keys", "development.pem");

            var first = JwtKeyRing.TryCreate(options, development, out var firstErrors);
            var second = JwtKeyRing.TryCreate(options, development, out var secondErrors);

            Assert.That(first, Is.Not.Null, string.Join(Environment.NewLine, firstErrors));
            Assert.That(second, Is.Not.Null, string.Join(Environment.NewLine, secondErrors));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(File.Exists(Path.Combine(root, "keys", "development.pem")), Is.True);
                Assert.That(first!.Signer.Id, Is.EqualTo(JwtKeyRing.DevelopmentKeyId));
                Assert.That((second!.Signer.X, second.Signer.Y), Is.EqualTo((first.Signer.X, first.Signer.Y)));
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static JwtOptions Options(params (string? Id, string? Pem)[] keys) => new()
    {
        Issuer = TokenForge.Issuer,
        Audience = TokenForge.Audience,
        Keys = [.. keys.Select(key => new JwtKeyOptions { Id = key.Id, Pem = key.Pem })],
    };
}
