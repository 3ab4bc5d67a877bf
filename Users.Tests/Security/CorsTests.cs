using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>Browsers get a CORS grant only for the origins in <c>Network:CorsOrigins</c>; none are configured by default.</summary>
public sealed class CorsTests : DatabaseTest
{
    private const string AppOrigin = "https://app.example";
    private const string EvilOrigin = "https://evil.example";

    private static readonly string[] RequestedHeaders = ["Authorization", "If-Match"];

    [Test]
    public async Task Without_configured_origins_a_preflight_gets_no_grant()
    {
        using var response = await PreflightAsync(Anonymous, EvilOrigin);

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task A_configured_origin_may_PATCH_with_a_token_and_If_Match()
    {
        await using var factory = AppWithOrigin();
        using var client = factory.Anonymous();

        using var response = await PreflightAsync(client, AppOrigin);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.IsSuccessStatusCode, Is.True, response.StatusCode.ToString());
            Assert.That(Values(response, "Access-Control-Allow-Origin"), Is.EqualTo(new[] { AppOrigin }));
            Assert.That(Values(response, "Access-Control-Allow-Methods"), Does.Contain("PATCH"));
            Assert.That(Values(response, "Access-Control-Allow-Headers"), Is.SupersetOf(RequestedHeaders).Using((IComparer<string>)StringComparer.OrdinalIgnoreCase));
            Assert.That(response.Headers.Contains("Access-Control-Allow-Credentials"), Is.False, "tokens, not cookies");
        }
    }

    [Test]
    public async Task A_configured_origin_can_read_the_ETag()
    {
        await using var factory = AppWithOrigin();
        using var client = factory.AsAdmin();
        var created = await client.CreateUserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{UsersClient.Path}/{created.User.Id}");
        request.Headers.Add("Origin", AppOrigin);

        using var response = await client.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Values(response, "Access-Control-Allow-Origin"), Is.EqualTo(new[] { AppOrigin }));
            Assert.That(Values(response, "Access-Control-Expose-Headers"), Does.Contain("ETag"));
        }
    }

    [Test]
    public async Task Other_origins_get_no_grant_when_one_is_configured()
    {
        await using var factory = AppWithOrigin();
        using var client = factory.Anonymous();

        using var response = await PreflightAsync(client, EvilOrigin);

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    private static UsersApiFactory AppWithOrigin() =>
        new(TestDatabase.ConnectionString, new Dictionary<string, string?> { ["Network:CorsOrigins:0"] = AppOrigin });

    /// <summary>What a browser asks before a PATCH of a user with a bearer token and If-Match.</summary>
    private static Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, $"{UsersClient.Path}/{Guid.CreateVersion7()}");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PATCH");
        request.Headers.Add("Access-Control-Request-Headers", string.Join(',', RequestedHeaders).ToLowerInvariant());
        return client.SendAsync(request);
    }

    /// <summary>A header's values, split at commas and trimmed; empty when the header is absent.</summary>
    private static string[] Values(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
            ? [.. values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))]
            : [];
}
