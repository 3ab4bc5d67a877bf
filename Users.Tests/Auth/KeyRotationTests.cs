using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>
/// An app in the middle of a rotation: the previous key and the next one (public part only) still verify, the key
/// <c>Jwt:SigningKeyId</c> names signs, and the key set publishes all three.
/// </summary>
public sealed class KeyRotationTests : DatabaseTest
{
    private const string PreviousKeyId = "2025-previous";
    private const string CurrentKeyId = "2026-current";
    private const string NextKeyId = "2027-next";

    private static readonly string PreviousPem = TestKeys.NewPem();
    private static readonly string CurrentPem = TestKeys.NewPem();
    private static readonly string NextPem = TestKeys.NewPem();

    /// <summary>Every key's private part by id, though the app has only the public part of the next one.</summary>
    private static readonly Dictionary<string, string> PrivatePems = new()
    {
        [PreviousKeyId] = PreviousPem,
        [CurrentKeyId] = CurrentPem,
        [NextKeyId] = NextPem,
    };

    private UsersApiFactory _rotating = null!;

    [OneTimeSetUp]
    public void StartRotatingApp() => _rotating = new UsersApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string?>
    {
        ["Jwt:Keys:0:Id"] = PreviousKeyId,
        ["Jwt:Keys:0:Pem"] = PreviousPem,
        ["Jwt:Keys:1:Id"] = CurrentKeyId,
        ["Jwt:Keys:1:Pem"] = CurrentPem,
        ["Jwt:Keys:2:Id"] = NextKeyId,
        ["Jwt:Keys:2:Pem"] = TestKeys.PublicPemOf(NextPem),
        ["Jwt:SigningKeyId"] = CurrentKeyId,
    });

    [OneTimeTearDown]
    public async Task StopRotatingAppAsync() => await _rotating.DisposeAsync();

    [Test]
    public async Task New_tokens_are_signed_by_the_key_SigningKeyId_names()
    {
        using var user = await _rotating.SignInAsync();

        var token = new JsonWebToken(user.AccessToken);
        var verified = await TokenForge.ValidateAsync(user.AccessToken, TokenForge.Expecting(TokenForge.PublicKey(CurrentPem, CurrentKeyId)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.Kid, Is.EqualTo(CurrentKeyId));
            Assert.That(verified.IsValid, Is.True, verified.Exception?.Message);
        }
    }

    [TestCase(PreviousKeyId, TestName = "Tokens_signed_by_the_previous_key_are_still_accepted")]
    [TestCase(NextKeyId, TestName = "Tokens_signed_by_a_key_configured_by_its_public_part_are_accepted")]
    public async Task Tokens_signed_by_a_verifying_key_are_accepted(string keyId)
    {
        using var user = await _rotating.SignInAsync();
        using var client = _rotating.Anonymous();
        var descriptor = TokenForge.Valid(user.Id, "user", _rotating.Clock.GetUtcNow());
        descriptor.SigningCredentials = TokenForge.Es256(PrivatePems[keyId], keyId);

        using var response = await client.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadAsync<UserResponse>()).Id, Is.EqualTo(user.Id));
    }

    [Test]
    public async Task A_token_signed_by_the_previous_key_under_the_current_kid_is_refused()
    {
        using var user = await _rotating.SignInAsync();
        using var client = _rotating.Anonymous();
        var descriptor = TokenForge.Valid(user.Id, "user", _rotating.Clock.GetUtcNow());
        descriptor.SigningCredentials = TokenForge.Es256(PreviousPem, CurrentKeyId);

        using var response = await client.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task The_key_set_publishes_every_configured_key_public_parts_only()
    {
        using var client = _rotating.Anonymous();

        var keys = await JwksTests.ReadKeysAsync(client);

        var published = keys.Select(key => ((string)key!["kid"]!, ((string)key["x"]!, (string)key["y"]!)));
        var expected = PrivatePems.Select(key => (key.Key, TokenForge.PublicPoint(key.Value)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(published, Is.EquivalentTo(expected));
            Assert.That(keys.Select(key => key!.AsObject().Select(member => member.Key)), Has.All.EquivalentTo(JwksTests.PublicMembers));
        }
    }
}
