using System.ComponentModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Users.Api.OpenApi;
using Users.Api.RateLimiting;
using Users.Api.Users;
using Users.Application.Accounts;
using Users.Application.Users;

namespace Users.Api.Auth;

/// <summary>Sign-up, sign-in, token refresh and sign-out.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/auth")]
[Consumes(ContentTypes.Json)]
[ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ContentTypes.Problem)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ContentTypes.Problem)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, ContentTypes.Problem)]
[ResponseHeader(StatusCodes.Status503ServiceUnavailable, "Retry-After", "Seconds to wait before retrying.")]
public sealed class AuthController(AccountService accounts) : ControllerBase
{
    private const string RetryAfter = "Seconds to wait before retrying.";

    /// <summary>Creates an ordinary, active account with a password.</summary>
    /// <response code="201">The new user, with its <c>Location</c> and <c>ETag</c>.</response>
    /// <response code="400">The body is malformed, a field is invalid, or the password is too short or too easy to guess.</response>
    /// <response code="403">Sign-up is closed on this service.</response>
    /// <response code="409">Another user has this email, regardless of case.</response>
    /// <response code="429">Too many sign-ups from this client or for this email; see <c>Retry-After</c>.</response>
    [HttpPost("signup")]
    [EnableRateLimiting(AuthRateLimits.SignUp)]
    [LimitPerEmail]
    [ProducesResponseType<UserResponse>(StatusCodes.Status201Created, ContentTypes.Json)]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new user's address.")]
    [ResponseHeader(StatusCodes.Status201Created, "ETag", EntityTags.Description)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ContentTypes.Problem)]
    [ResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", RetryAfter)]
    public async Task<ActionResult<UserResponse>> SignUp(
        [Description("The account to create.")] SignUpRequest request, CancellationToken cancellationToken)
    {
        var created = await accounts.SignUpAsync(request, cancellationToken);
        Response.Headers.ETag = EntityTags.Format(created.Version);
        return CreatedAtAction(nameof(UsersController.Get), "Users", new { id = created.User.Id }, created.User);
    }

    /// <summary>Signs in with email and password.</summary>
    /// <response code="200">An access token and a refresh token.</response>
    /// <response code="400">The body is malformed or a field is missing.</response>
    /// <response code="401">The email or password is wrong, or the account is inactive; the answer does not say which.</response>
    /// <response code="429">Too many sign-ins from this client or for this email; see <c>Retry-After</c>.</response>
    [HttpPost("token")]
    [EnableRateLimiting(AuthRateLimits.SignIn)]
    [LimitPerEmail]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ContentTypes.Problem)]
    [ResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", RetryAfter)]
    public Task<TokenResponse> Token([Description("The account's credentials.")] TokenRequest request, CancellationToken cancellationToken) =>
        accounts.SignInAsync(request, cancellationToken);

    /// <summary>Exchanges a refresh token for a new pair; the old one is used up.</summary>
    /// <remarks>Presenting a refresh token a second time revokes every token of its sign-in.</remarks>
    /// <response code="200">A new access token and refresh token.</response>
    /// <response code="401">The refresh token is unknown, expired, already used or revoked; sign in again.</response>
    /// <response code="429">Too many refreshes from this client; see <c>Retry-After</c>.</response>
    [HttpPost("refresh")]
    [EnableRateLimiting(AuthRateLimits.Refresh)]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ContentTypes.Problem)]
    [ResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", RetryAfter)]
    public Task<TokenResponse> Refresh(
        [Description("The refresh token of the last token response.")] RefreshTokenRequest request, CancellationToken cancellationToken) =>
        accounts.RefreshAsync(request, cancellationToken);

    /// <summary>Signs out: revokes every refresh token of the sign-in this one belongs to.</summary>
    /// <remarks>Access tokens already issued stay valid until they expire (at most the configured lifetime).</remarks>
    /// <response code="204">The sign-in is over (also when the token was unknown or already revoked).</response>
    /// <response code="429">Too many sign-outs from this client; see <c>Retry-After</c>.</response>
    [HttpPost("logout")]
    [EnableRateLimiting(AuthRateLimits.SignOut)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ContentTypes.Problem)]
    [ResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", RetryAfter)]
    public async Task<IActionResult> Logout(
        [Description("The refresh token of the sign-in to end.")] RefreshTokenRequest request, CancellationToken cancellationToken)
    {
        await accounts.LogoutAsync(request, cancellationToken);
        return NoContent();
    }
}
