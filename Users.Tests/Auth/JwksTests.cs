using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>
/// <c>/.well-known/jwks.json</c> publishes the public part of every key, anonymously and cacheably, in a form that
/// lets another service verify the app's tokens.
/// </summary>
public sealed class JwksTests : DatabaseTest
{
    public const string Path = "/.well-known/jwks.json";

    /// <summary>The members of a public EC key as RFC 7517/7518 name them: anything else, <c>d</c> above all, is a leak.</summary>
    public static readonly string[] PublicMembers = ["kty", "use", "alg", "kid", "crv", "x", "y"];

    [Test]
    public async Task The_key_set_is_served_anonymously_as_json_that_caches_for_five_minutes()
    {
        using var response = await Anonymous.GetAsync(Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(response.Headers.CacheControl?.Public, Is.True);
            Assert.That(response.Headers.CacheControl?.MaxAge, Is.EqualTo(TimeSpan.FromSeconds(300)));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.False);
        }
    }

    [Test]
    public async Task The_key_set_publishes_the_public_point_of_the_signing_key_as_an_ES256_P256_key()
    {
        var keys = await ReadKeysAsync(Anonymous);

        var (x, y) = TokenForge.PublicPoint(TestKeys.SigningPem);
        Assert.That(keys, Has.Count.EqualTo(1));
        var key = keys[0]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)key["kty"], Is.EqualTo("EC"));
            Assert.That((string?)key["crv"], Is.EqualTo("P-256"));
            Assert.That((string?)key["alg"], Is.EqualTo("ES256"));
            Assert.That((string?)key["use"], Is.EqualTo("sig"));
            Assert.That((string?)key["kid"], Is.EqualTo(TestKeys.SigningKeyId));
            Assert.That((string?)key["x"], Is.EqualTo(x));
            Assert.That((string?)key["y"], Is.EqualTo(y));
        }
    }

    [Test]
    public async Task The_key_set_holds_public_members_only()
    {
        var keys = await ReadKeysAsync(Anonymous);

        Assert.That(keys.Select(key => key!.AsObject().Select(member => member.Key)), Has.All.EquivalentTo(PublicMembers));
    }

    [Test]
    public async Task The_published_point_verifies_a_token_the_app_issued()
    {
        using var user = await App.SignInAsync();
        var key = (await ReadKeysAsync(Anonymous)).Single()!;
        using var published = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes((string)key["x"]!), Y = Base64UrlEncoder.DecodeBytes((string)key["y"]!) },
        });

        var result = await TokenForge.ValidateAsync(
            user.AccessToken, TokenForge.Expecting(new ECDsaSecurityKey(published) { KeyId = (string?)key["kid"] }));

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public async Task A_JWKS_client_verifies_a_token_the_app_issued_with_the_key_set()
    {
        using var user = await App.SignInAsync();
        using var response = await Anonymous.GetAsync(Path);
        var keySet = new JsonWebKeySet(await response.Content.ReadAsStringAsync());

        var result = await TokenForge.ValidateAsync(user.AccessToken, TokenForge.Expecting(keySet.Keys.Single()));

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    /// <summary>The <c>keys</c> array of the app's key set.</summary>
    public static async Task<JsonArray> ReadKeysAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["keys"]!.AsArray();
    }
}
