namespace Users.Api.Jobs;

/// <summary>
/// A browser's session of the jobs dashboard: an HTTP-only cookie, sent only to <see cref="JobsDashboard.Path"/>, that
/// carries the admin's own access token and expires with it. A browser cannot send a bearer header when it opens a page;
/// it sends this. Nothing about the session is kept on the server, so any node accepts it, and it ends when the token does.
/// </summary>
public static class JobsSession
{
    /// <summary>The authentication scheme that reads the access token from the cookie (<see cref="JobsSessionBearerSetup"/>).</summary>
    public const string Scheme = "JobsSession";

    public const string CookieName = "users_jobs_session";

    /// <summary>Sets the cookie to hold <paramref name="accessToken"/> until <paramref name="expires"/>, the token's own expiry.</summary>
    public static void Open(HttpResponse response, string accessToken, DateTimeOffset expires) =>
        response.Cookies.Append(CookieName, accessToken, Options(response.HttpContext.Request, expires));

    /// <summary>Tells the browser to drop the cookie.</summary>
    public static void Close(HttpResponse response) =>
        response.Cookies.Delete(CookieName, Options(response.HttpContext.Request, expires: null));

    /// <summary>The session's access token, as the browser sent it, or null.</summary>
    public static string? TokenOf(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var token) && !string.IsNullOrEmpty(token) ? token : null;

    // Not readable by scripts; never sent along with a request another site starts, which is the first defence
    // against forged dashboard actions; Secure whenever the browser reached the service over HTTPS (behind a trusted
    // proxy too, after the forwarded headers).
    private static CookieOptions Options(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = JobsDashboard.Path,
        Expires = expires,
        IsEssential = true,
    };
}
