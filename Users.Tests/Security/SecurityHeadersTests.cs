using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>Every answer, success or problem, carries the security headers, and none may be cached but the JWKS.</summary>
public sealed class SecurityHeadersTests : DatabaseTest
{
    [Test]
    public async Task A_200_carries_the_security_headers_and_no_store()
    {
        var created = await Client.CreateUserAsync();

        using var response = await Client.GetAsync($"{UsersClient.Path}/{created.User.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertSecurityHeaders(response);
        AssertNotStored(response);
    }

    [Test]
    public async Task A_201_carries_the_security_headers_and_no_store()
    {
        using var response = await Client.PostUserAsync(new { email = "ada@example.com", fullName = "Ada Lovelace" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        AssertSecurityHeaders(response);
        AssertNotStored(response);
    }

    [Test]
    public async Task A_problem_carries_the_security_headers_and_no_store()
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}/{Guid.CreateVersion7()}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        AssertSecurityHeaders(response);
        AssertNotStored(response);
    }

    [Test]
    public async Task A_401_carries_the_security_headers_and_no_store()
    {
        using var response = await Anonymous.GetAsync(UsersClient.Path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        AssertSecurityHeaders(response);
        AssertNotStored(response);
    }

    [Test]
    public async Task Tokens_are_never_stored_by_caches()
    {
        using var user = await App.SignInAsync(withPassword: true);

        using var response = await Anonymous.SignInFromAsync(user.Email, UsersApiFactory.Password);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertSecurityHeaders(response);
        AssertNotStored(response);
    }

    [Test]
    public async Task A_failed_sign_in_is_never_stored_by_caches()
    {
        using var response = await Anonymous.SignInFromAsync("nobody@example.com", "not the password");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        AssertSecurityHeaders(response);
        AssertNotStored(response);
    }

    [Test]
    public async Task The_JWKS_may_be_cached_publicly_for_five_minutes()
    {
        using var response = await Anonymous.GetAsync("/.well-known/jwks.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertSecurityHeaders(response);
        var cacheControl = response.Headers.CacheControl;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cacheControl?.Public, Is.True);
            Assert.That(cacheControl?.MaxAge, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(cacheControl?.NoStore, Is.False);
        }
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("no-referrer"));
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
            Assert.That(Header(response, "Content-Security-Policy"), Is.EqualTo("default-src 'none'; frame-ancestors 'none'"));
        }
    }

    private static void AssertNotStored(HttpResponseMessage response) =>
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, $"Cache-Control: {response.Headers.CacheControl}");

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
