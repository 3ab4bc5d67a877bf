using System.Net.Http.Json;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>Calls of the auth endpoints as they arrive from a chosen peer address, optionally through a proxy's header.</summary>
public static class AuthCalls
{
    public const string Token = "/api/v1/auth/token";
    public const string SignUp = "/api/v1/auth/signup";
    public const string Refresh = "/api/v1/auth/refresh";
    public const string Logout = "/api/v1/auth/logout";

    /// <summary>A password strong enough for sign-up that no test account is given.</summary>
    public const string StrongPassword = "copper lantern fjord whistle";

    /// <summary>A refresh token of the right shape that the service never issued.</summary>
    public const string UnknownRefreshToken = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    public static Task<HttpResponseMessage> PostFromAsync(
        this HttpClient client, string path, object body, string peer = "127.0.0.1", string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(PeerAddressStartupFilter.Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SignInFromAsync(
        this HttpClient client, string email, string password, string peer = "127.0.0.1", string? forwardedFor = null) =>
        client.PostFromAsync(Token, new { email, password }, peer, forwardedFor);

    /// <summary>
    /// The <paramref name="attempt"/>th request of a series to one endpoint: sign-ins with a wrong password, sign-ups of
    /// new accounts, refreshes and sign-outs of an unknown token; each answered by the endpoint itself while within budget.
    /// </summary>
    public static Task<HttpResponseMessage> AttemptFromAsync(this HttpClient client, string path, int attempt, string peer = "127.0.0.1") =>
        client.PostFromAsync(path, BodyOf(path, attempt), peer);

    private static object BodyOf(string path, int attempt) => path switch
    {
        Token => new { email = $"nobody{attempt}@example.com", password = "not the password" },
        SignUp => new { email = $"new{attempt}@example.com", fullName = $"Newcomer {attempt}", password = StrongPassword },
        Refresh or Logout => new { refreshToken = UnknownRefreshToken },
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Not an auth endpoint."),
    };
}
