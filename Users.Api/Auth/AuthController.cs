using System.ComponentModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Users.Api.Idempotency;
using Users.Api.OpenApi;
using Users.Api.RateLimiting;
using Users.Api.Users;
using Users.Application.Accounts;
using Users.Application.Users;

namespace Users.Api.Auth;

/// <summary>Sign-up, sign-in, token refresh, sign-out, address verification and password reset.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/auth")]
[Consumes(ContentTypes.Json)]
[ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ContentTypes.Problem)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ContentTypes.Problem)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, ContentTypes.Problem)]
[ResponseHeader(StatusCodes.Status503ServiceUnavailable, "Retry-After", "Seconds to wait before retrying.")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status504GatewayTimeout, ContentTypes.Problem)]
public sealed class AuthController(
    AccountService accounts, EmailVerificationService verification, PasswordResetService passwordReset) : ControllerBase
{
    private const string RetryAfter = "Seconds to wait before retrying.";

    /// <summary>Creates an ordinary, active account with a password.</summary>
    /// <remarks>
    /// Send an <c>Idempotency-Key</c> to make retries safe: a retry with the key gets the first answer back. Anonymous
    /// callers share one space of keys, so make each key unique (a UUID).
    /// </remarks>
    /// <response code="201">The new user, with its <c>Location</c> and <c>ETag</c>.</response>
    /// <response code="400">The body is malformed, a field is invalid, the password is too short or too easy to guess, or the <c>Idempotency-Key</c> is not one.</response>
    /// <response code="403">Sign-up is closed on this service.</response>
    /// <response code="409">Another user has this email, regardless of case; or a request with this <c>Idempotency-Key</c> is still running.</response>
    /// <response code="422">This <c>Idempotency-Key</c> was sent with a different request.</response>
    /// <response code="429">Too many sign-ups from this client or for this email; see <c>Retry-After</c>.</response>
    [HttpPost("signup")]
    [Idempotent(BodyHoldsSecrets = true)]
    [EnableRateLimiting(AuthRateLimits.SignUp)]
    [LimitPerEmail]
    [ProducesResponseType<UserResponse>(StatusCodes.Status201Created, ContentTypes.Json)]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new user's address.")]
    [ResponseHeader(StatusCodes.Status201Created, "ETag", EntityTags.Description)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ContentTypes.Problem)]
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
    /// <response code="403">The password is right but the email is not verified, and the service requires it.</response>
    /// <response code="429">Too many sign-ins from this client or for this email; see <c>Retry-After</c>.</response>
    [HttpPost("token")]
    [EnableRateLimiting(AuthRateLimits.SignIn)]
    [LimitPerEmail]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ContentTypes.Problem)]
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

    /// <summary>Verifies the account's email with the token from the link mailed to it.</summary>
    /// <remarks>Sign-up and every change of address mail such a link; a token works once, and only for the address it was mailed to.</remarks>
    /// <response code="204">The address is verified.</response>
    /// <response code="400">The token is unknown, expired or already used, or the address changed since it was mailed.</response>
    /// <response code="429">Too many verifications from this client; see <c>Retry-After</c>.</response>
    [HttpPost("verify-email")]
    [EnableRateLimiting(AuthRateLimits.VerifyEmail)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ContentTypes.Problem)]
    [ResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", RetryAfter)]
    public async Task<IActionResult> VerifyEmail(
        [Description("The token from the verification mail.")] VerifyEmailRequest request, CancellationToken cancellationToken)
    {
        await verification.VerifyAsync(request, cancellationToken);
        return NoContent();
    }

    /// <summary>Asks for a password-reset mail.</summary>
    /// <remarks>
    /// The answer is the same, and takes about as long, whether or not an account has this email; only a real, active
    /// account is mailed, with a single-use link that expires.
    /// </remarks>
    /// <response code="202">Accepted: if an account has this email, a mail is on its way.</response>
    /// <response code="429">Too many requests from this client or for this email; see <c>Retry-After</c>.</response>
    [HttpPost("forgot-password")]
    [EnableRateLimiting(AuthRateLimits.ForgotPassword)]
    [LimitPerEmail]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ContentTypes.Problem)]
    [ResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", RetryAfter)]
    public async Task<IActionResult> ForgotPassword(
        [Description("The account's email.")] ForgotPasswordRequest request, CancellationToken cancellationToken)
    {
        await passwordReset.RequestAsync(request, cancellationToken);
        return Accepted();
    }

    /// <summary>Sets a new password with the token from a password-reset mail, and ends every sign-in of the account.</summary>
    /// <response code="204">The password is changed; every refresh token of the account is revoked.</response>
    /// <response code="400">The token is unknown, expired or already used, or the new password is too short or too easy to guess.</response>
    /// <response code="429">Too many resets from this client; see <c>Retry-After</c>.</response>
    [HttpPost("reset-password")]
    [EnableRateLimiting(AuthRateLimits.ResetPassword)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ContentTypes.Problem)]
    [ResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", RetryAfter)]
    public async Task<IActionResult> ResetPassword(
        [Description("The token from the mail and the new password.")] ResetPasswordRequest request, CancellationToken cancellationToken)
    {
        await passwordReset.ResetAsync(request, cancellationToken);
        return NoContent();
    }
}
