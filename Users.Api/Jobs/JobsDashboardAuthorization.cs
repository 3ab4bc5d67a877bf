using System.Security.Claims;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Users.Api.Auth;

namespace Users.Api.Jobs;

/// <summary>
/// Admits admins only to every address of the dashboard, pages, scripts and actions alike. The access token comes from
/// the <c>Authorization</c> header when the request has one that the app's default scheme accepted (a script, say), and
/// otherwise from the browser's session cookie, validated by JwtBearer exactly as the API validates bearer tokens.
/// Hangfire answers a refusal with 401 when the caller is unknown and 403 otherwise; the problem's detail says why.
/// A request on the cookie that changes something must carry the page's anti-forgery token.
/// </summary>
public sealed class JobsDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public const string SignInFirst =
        "Open a jobs dashboard session first: from this browser, call POST /api/v1/auth/jobs-session with an admin's " +
        "access token (the README shows how), then reload. The session ends when that token expires.";

    public const string AdminsOnly = "Only admins may use the jobs dashboard.";

    public const string ForgedAction =
        "The dashboard's anti-forgery token is missing or wrong: use the dashboard's own buttons, after reloading the page.";

    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity is { IsAuthenticated: true })
        {
            // A bearer header cannot be attached by another site, so such a request needs no anti-forgery token.
            return AdmitsAdmin(http, http.User);
        }

        var session = await http.AuthenticateAsync(JobsSession.Scheme);
        if (!session.Succeeded || JobsSession.TokenOf(http.Request) is not { } token)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Refuse(http, SignInFirst);
        }

        // Hangfire tells 401 from 403 by whether the request's user is signed in.
        http.User = session.Principal;
        if (!AdmitsAdmin(http, session.Principal))
        {
            return false;
        }

        if (!JobsDashboardAntiforgery.Admits(http.Request, token))
        {
            return Refuse(http, ForgedAction);
        }

        context.AntiforgeryHeader = JobsDashboardAntiforgery.HeaderName;
        context.AntiforgeryToken = JobsDashboardAntiforgery.TokenFor(token);
        return true;
    }

    private static bool AdmitsAdmin(HttpContext http, ClaimsPrincipal principal) =>
        principal.FindCaller() is { IsAdmin: true } ? true : Refuse(http, AdminsOnly);

    private static bool Refuse(HttpContext http, string detail)
    {
        JobsDashboard.RecordRefusal(http, detail);
        return false;
    }
}
