using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Users.Api.Auth;
using Users.Api.OpenApi;
using Users.Application.Users;

namespace Users.Api.Jobs;

/// <summary>Opens and closes a browser's session of the jobs dashboard at <c>/jobs</c>.</summary>
[ApiController]
[Route(Path)]
[Tags("Auth")]
public sealed class JobsSessionController : ControllerBase
{
    public const string Path = "api/v1/auth/jobs-session";

    private const string Bearer = "Bearer ";

    private const string Cookie =
        $"{JobsSession.CookieName}=...; Path={JobsDashboard.Path}; HttpOnly; SameSite=Strict, and Secure over HTTPS.";

    /// <summary>Opens a jobs dashboard session in the browser that calls this (admins only).</summary>
    /// <remarks>
    /// A browser cannot send a bearer token when it opens a page, so this sets a cookie that the dashboard at
    /// <c>/jobs</c> accepts instead: HTTP-only, sent to <c>/jobs</c> only and never with a request another site starts,
    /// and expiring with the access token it was called with (sign in or refresh, then call this again, for a longer
    /// session). Call it from a page of this service, such as the API reference in Development, so that the browser
    /// keeps the cookie, then open <c>/jobs</c>.
    /// </remarks>
    /// <response code="204">The session is open: the cookie is set.</response>
    /// <response code="401">No access token, or one that is invalid or has expired.</response>
    /// <response code="403">The caller is not an admin.</response>
    [HttpPost]
    [Authorize]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ResponseHeader(StatusCodes.Status204NoContent, "Set-Cookie", Cookie)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ContentTypes.Problem)]
    [ResponseHeader(StatusCodes.Status401Unauthorized, "WWW-Authenticate", "Bearer: how to authenticate.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ContentTypes.Problem)]
    public IActionResult Open()
    {
        UserAccess.EnsureAdmin(User.ToCaller(), "open the jobs dashboard");

        // The token that authenticated this request (JwtBearer took it from "Bearer <token>"); the cookie carries it as is.
        var token = Request.Headers.Authorization.ToString()[Bearer.Length..].Trim();
        var expires = DateTimeOffset.FromUnixTimeSeconds(
            long.Parse(User.FindFirst("exp")!.Value, NumberStyles.None, CultureInfo.InvariantCulture));
        JobsSession.Open(Response, token, expires);
        return NoContent();
    }

    /// <summary>Closes the browser's jobs dashboard session.</summary>
    /// <remarks>
    /// Needs no token: the cookie is not sent here, and dropping it is harmless. The access token it held stays valid
    /// until it expires, like every access token.
    /// </remarks>
    /// <response code="204">The cookie is cleared.</response>
    [HttpDelete]
    [AllowAnonymous]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ResponseHeader(StatusCodes.Status204NoContent, "Set-Cookie", $"{JobsSession.CookieName}=; expires in the past; Path={JobsDashboard.Path}.")]
    public IActionResult Close()
    {
        JobsSession.Close(Response);
        return NoContent();
    }
}
