using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Users.Api.Jobs;

/// <summary>
/// The dashboard's anti-forgery token, derived from the session rather than stored: a hash of the session's access
/// token, which only the browser holding the (HTTP-only) cookie, or the page the dashboard served it, can know. Every
/// node derives the same token for the same session, so it needs no server-side state and no shared keys, unlike
/// ASP.NET Core's antiforgery, whose tokens are sealed with node-local Data Protection keys (and which the service does
/// not register, so Hangfire's own check stands back). The dashboard puts the token in its pages and its scripts send
/// it as <see cref="HeaderName"/> with every POST (retry, delete, the statistics it polls).
/// </summary>
public static class JobsDashboardAntiforgery
{
    public const string HeaderName = "X-Jobs-Antiforgery";

    // Keeps this hash apart from any other use of the same token.
    private const string Purpose = "users jobs dashboard antiforgery\n";

    public static string TokenFor(string sessionToken) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(Purpose + sessionToken)));

    /// <summary>Whether the request may change something: it reads only, or it carries the session's token.</summary>
    public static bool Admits(HttpRequest request, string sessionToken)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return true;
        }

        var sent = request.Headers[HeaderName];
        return sent.Count == 1 && sent[0] is { } token &&
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token), Encoding.ASCII.GetBytes(TokenFor(sessionToken)));
    }
}
