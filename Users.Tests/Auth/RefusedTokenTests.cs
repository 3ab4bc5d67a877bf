using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>
/// Every kind of bad bearer token gets the same 401 problem with <c>Bearer error="invalid_token"</c>. Each forged
/// token differs from one the app accepts (the first test) in one respect only, so the refusal is about that respect.
/// </summary>
public sealed class RefusedTokenTests : DatabaseTest
{
    private const string StrangerKeyId = "stranger";

    [Test]
    public async Task A_token_forged_with_the_app_key_and_the_right_claims_is_accepted()
    {
        using var user = await App.SignInAsync();
        var token = TokenForge.Create(TokenForge.Valid(user.Id, "user", App.Clock.GetUtcNow()));

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadAsync<UserResponse>()).Id, Is.EqualTo(user.Id));
    }

    [Test]
    public async Task A_request_without_a_token_is_401_with_a_bare_Bearer_challenge()
    {
        using var response = await Anonymous.GetAsync(BearerRequests.Me);

        await BearerAssert.IsNoTokenAsync(response);
    }

    [Test]
    public async Task Basic_credentials_are_401_with_a_bare_Bearer_challenge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BearerRequests.Me);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("user@example.com:secret"u8.ToArray()));

        using var response = await Anonymous.SendAsync(request);

        await BearerAssert.IsNoTokenAsync(response);
    }

    [Test]
    public async Task A_bearer_value_that_is_not_a_JWT_is_refused()
    {
        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, "not-a-token");

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_whose_role_was_changed_to_admin_is_refused_though_the_original_was_accepted()
    {
        using var user = await App.SignInAsync();
        using (var original = await Anonymous.GetWithTokenAsync(BearerRequests.Me, user.AccessToken))
        {
            Assert.That(original.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var promoted = TokenForge.WithClaim(user.AccessToken, "role", "admin");

        using var me = await Anonymous.GetWithTokenAsync(BearerRequests.Me, promoted);
        using var list = await Anonymous.GetWithTokenAsync(UsersClient.Path, promoted);

        await BearerAssert.IsInvalidTokenAsync(me);
        await BearerAssert.IsInvalidTokenAsync(list);
    }

    [Test]
    public async Task A_token_whose_signature_was_changed_is_refused_though_the_original_was_accepted()
    {
        using var user = await App.SignInAsync();
        using (var original = await Anonymous.GetWithTokenAsync(BearerRequests.Me, user.AccessToken))
        {
            Assert.That(original.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.WithSignatureChanged(user.AccessToken));

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_from_another_issuer_is_refused()
    {
        using var user = await App.SignInAsync();
        var descriptor = TokenForge.Valid(user.Id, "user", App.Clock.GetUtcNow());
        descriptor.Issuer = "https://issuer.example.com";

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_for_another_audience_is_refused()
    {
        using var user = await App.SignInAsync();
        var descriptor = TokenForge.Valid(user.Id, "user", App.Clock.GetUtcNow());
        descriptor.Audience = "billing-api";

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_signed_by_a_key_the_app_does_not_know_is_refused()
    {
        using var user = await App.SignInAsync();
        var descriptor = TokenForge.Valid(user.Id, "user", App.Clock.GetUtcNow());
        descriptor.SigningCredentials = TokenForge.Es256(TestKeys.StrangerPem, StrangerKeyId);

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_naming_the_app_kid_but_signed_by_another_key_is_refused()
    {
        using var user = await App.SignInAsync();
        var descriptor = TokenForge.Valid(user.Id, "user", App.Clock.GetUtcNow());
        descriptor.SigningCredentials = TokenForge.Es256(TestKeys.StrangerPem, TestKeys.SigningKeyId);

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_signed_by_the_app_key_without_a_kid_is_refused()
    {
        using var user = await App.SignInAsync();
        var descriptor = TokenForge.Valid(user.Id, "user", App.Clock.GetUtcNow());
        descriptor.SigningCredentials = TokenForge.Es256(TestKeys.SigningPem, keyId: null);

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task An_unsigned_token_with_alg_none_is_refused()
    {
        using var user = await App.SignInAsync();
        var descriptor = TokenForge.Valid(user.Id, "user", App.Clock.GetUtcNow());
        descriptor.SigningCredentials = null;
        var token = TokenForge.Create(descriptor);
        Assert.That(token, Does.EndWith("."), "an unsigned JWT has an empty signature");

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, token);

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [TestCase(true, TestName = "A_token_signed_HS256_with_the_public_key_PEM_as_secret_is_refused")]
    [TestCase(false, TestName = "A_token_signed_HS256_with_the_public_key_DER_as_secret_is_refused")]
    public async Task A_token_signed_HS256_with_the_public_key_as_secret_is_refused(bool pem)
    {
        using var user = await App.SignInAsync();
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(TestKeys.PublicPemOf(TestKeys.SigningPem));
        var secret = pem ? Encoding.ASCII.GetBytes(publicKey.ExportSubjectPublicKeyInfoPem()) : publicKey.ExportSubjectPublicKeyInfo();
        var descriptor = TokenForge.Valid(user.Id, "user", App.Clock.GetUtcNow());
        descriptor.SigningCredentials = TokenForge.Hs256(secret, TestKeys.SigningKeyId);

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_without_an_expiry_is_refused()
    {
        using var user = await App.SignInAsync();
        var descriptor = TokenForge.Valid(user.Id, "user", App.Clock.GetUtcNow());
        descriptor.Expires = null;

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_not_valid_before_a_minute_from_now_is_refused()
    {
        using var user = await App.SignInAsync();
        var now = App.Clock.GetUtcNow();
        var descriptor = TokenForge.Valid(user.Id, "user", now);
        descriptor.NotBefore = (now + TimeSpan.FromMinutes(1)).UtcDateTime;
        descriptor.Expires = (now + TimeSpan.FromMinutes(16)).UtcDateTime;

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_signed_token_with_a_role_the_app_does_not_have_is_refused()
    {
        using var user = await App.SignInAsync();
        var descriptor = TokenForge.Valid(user.Id, "superuser", App.Clock.GetUtcNow());

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_signed_token_without_a_subject_is_refused()
    {
        using var user = await App.SignInAsync();
        var descriptor = TokenForge.Valid(user.Id, "user", App.Clock.GetUtcNow());
        descriptor.Claims.Remove("sub");

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        await BearerAssert.IsInvalidTokenAsync(response);
    }
}
