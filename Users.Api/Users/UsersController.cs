using System.ComponentModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Users.Api.Auth;
using Users.Api.Idempotency;
using Users.Api.OpenApi;
using Users.Application.Accounts;
using Users.Application.Users;

namespace Users.Api.Users;

/// <summary>
/// User accounts. Admins list, create, read, change and delete any account; users read and change their own
/// (another user's id answers 404, as if it did not exist).
/// </summary>
[ApiController]
[Authorize]
[Route(Path)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ContentTypes.Problem)]
[ResponseHeader(StatusCodes.Status401Unauthorized, "WWW-Authenticate", "Bearer: how to authenticate.")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, ContentTypes.Problem)]
[ResponseHeader(StatusCodes.Status503ServiceUnavailable, "Retry-After", "Seconds to wait before retrying.")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status504GatewayTimeout, ContentTypes.Problem)]
public sealed class UsersController(UserService users) : ControllerBase
{
    public const string Path = "api/v1/users";

    private const string UserId = "The user's id.";
    private const string IfMatch = "The user's ETag as last read. When given and no longer current, nothing changes and the answer is 412.";

    private Caller Caller => User.ToCaller();

    /// <summary>Creates a user (admins only).</summary>
    /// <remarks>Send an <c>Idempotency-Key</c> to make retries safe: a retry with the key gets the first answer back.</remarks>
    /// <response code="201">The user, with its <c>Location</c> and <c>ETag</c>.</response>
    /// <response code="400">The body is malformed, a field is invalid, or the <c>Idempotency-Key</c> is not one.</response>
    /// <response code="403">The caller is not an admin.</response>
    /// <response code="409">Another user has this email, regardless of case; or a request with this <c>Idempotency-Key</c> is still running.</response>
    /// <response code="413">The body is larger than 1 MiB.</response>
    /// <response code="415">The body is not JSON.</response>
    /// <response code="422">This <c>Idempotency-Key</c> was sent with a different request.</response>
    [HttpPost]
    [Idempotent(BodyHoldsSecrets = true)]
    [Consumes(ContentTypes.Json)]
    [ProducesResponseType<UserResponse>(StatusCodes.Status201Created, ContentTypes.Json)]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new user's address.")]
    [ResponseHeader(StatusCodes.Status201Created, "ETag", EntityTags.Description)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ContentTypes.Problem)]
    public async Task<ActionResult<UserResponse>> Create(
        [Description("The user to create.")] CreateUserRequest request, CancellationToken cancellationToken)
    {
        var created = await users.CreateAsync(Caller, request, cancellationToken);
        Response.Headers.ETag = EntityTags.Format(created.Version);
        return CreatedAtAction(nameof(Get), new { id = created.User.Id }, created.User);
    }

    /// <summary>Reads a user: any user for admins, oneself for users.</summary>
    /// <response code="200">The user, with its <c>ETag</c>.</response>
    /// <response code="404">No user has this id, or it is another user's and the caller is not an admin.</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag", EntityTags.Description)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    public async Task<ActionResult<UserResponse>> Get([Description(UserId)] Guid id, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(Caller, id, cancellationToken);
        Response.Headers.ETag = EntityTags.Format(user.Version);
        return user.User;
    }

    /// <summary>Lists users newest first, a page at a time (admins only).</summary>
    /// <response code="200">A page of users and the cursor of the next one.</response>
    /// <response code="400">
    /// The limit is out of range, the cursor is not one this service issued, or the search holds no 3 letters or digits
    /// in a row, is over 200 characters or holds control characters.
    /// </response>
    /// <response code="403">The caller is not an admin.</response>
    [HttpGet]
    [ProducesResponseType<UserPage>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ContentTypes.Problem)]
    public Task<UserPage> List([FromQuery] ListUsersQuery query, CancellationToken cancellationToken) =>
        users.ListAsync(Caller, query, cancellationToken);

    /// <summary>Changes a user's email, full name, active flag or role; users change only their own email and name.</summary>
    /// <response code="200">The changed user, with its new <c>ETag</c>.</response>
    /// <response code="400">The body is malformed, empty or a field is invalid.</response>
    /// <response code="403">A user tried to change an active flag or a role.</response>
    /// <response code="404">No user has this id, or it is another user's and the caller is not an admin.</response>
    /// <response code="409">Another user has this email, or the change would leave no active admin.</response>
    /// <response code="412">The user changed since the version given in <c>If-Match</c>.</response>
    /// <response code="413">The body is larger than 1 MiB.</response>
    /// <response code="415">The body is not JSON.</response>
    [HttpPatch("{id:guid}")]
    [AcceptsIfMatch(IfMatch)]
    [Consumes(ContentTypes.Json, ContentTypes.MergePatch)]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag", EntityTags.Description)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ContentTypes.Problem)]
    public async Task<ActionResult<UserResponse>> Update(
        [Description(UserId)] Guid id,
        [Description("The fields to change.")] UpdateUserRequest request,
        CancellationToken cancellationToken)
    {
        var updated = await users.UpdateAsync(Caller, id, request, EntityTags.ParseIfMatch(Request.Headers.IfMatch), cancellationToken);
        Response.Headers.ETag = EntityTags.Format(updated.Version);
        return updated.User;
    }

    /// <summary>Deletes a user (admins only).</summary>
    /// <response code="204">The user is gone.</response>
    /// <response code="403">The caller is not an admin.</response>
    /// <response code="404">No user has this id.</response>
    /// <response code="409">The user is the last active admin.</response>
    /// <response code="412">The user changed since the version given in <c>If-Match</c>.</response>
    [HttpDelete("{id:guid}")]
    [AcceptsIfMatch(IfMatch)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ContentTypes.Problem)]
    public async Task<IActionResult> Delete(
        [Description(UserId)] Guid id,
        CancellationToken cancellationToken)
    {
        await users.DeleteAsync(Caller, id, EntityTags.ParseIfMatch(Request.Headers.IfMatch), cancellationToken);
        return NoContent();
    }

    /// <summary>Reads the signed-in user's own account.</summary>
    /// <response code="200">The user, with its <c>ETag</c>.</response>
    /// <response code="404">The account was deleted after the access token was issued.</response>
    [HttpGet("me")]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag", EntityTags.Description)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    public Task<ActionResult<UserResponse>> GetMe(CancellationToken cancellationToken) => Get(Caller.UserId, cancellationToken);

    /// <summary>Changes the signed-in user's own email or full name.</summary>
    /// <response code="200">The changed user, with its new <c>ETag</c>.</response>
    /// <response code="400">The body is malformed, empty or a field is invalid.</response>
    /// <response code="404">The account was deleted after the access token was issued.</response>
    /// <response code="409">Another user has this email, regardless of case.</response>
    /// <response code="412">The account changed since the version given in <c>If-Match</c>.</response>
    /// <response code="413">The body is larger than 1 MiB.</response>
    /// <response code="415">The body is not JSON.</response>
    [HttpPatch("me")]
    [AcceptsIfMatch(IfMatch)]
    [Consumes(ContentTypes.Json, ContentTypes.MergePatch)]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag", EntityTags.Description)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ContentTypes.Problem)]
    public async Task<ActionResult<UserResponse>> UpdateMe(
        [Description("The fields to change.")] UpdateMeRequest request,
        CancellationToken cancellationToken)
    {
        var updated = await users.UpdateMeAsync(Caller, request, EntityTags.ParseIfMatch(Request.Headers.IfMatch), cancellationToken);
        Response.Headers.ETag = EntityTags.Format(updated.Version);
        return updated.User;
    }

    /// <summary>Changes the signed-in user's password and ends all their sign-ins.</summary>
    /// <remarks>Every refresh token of the account is revoked; sign in again with the new password.</remarks>
    /// <response code="204">The password is changed.</response>
    /// <response code="400">The current password is wrong, or the new one is too short or too easy to guess.</response>
    /// <response code="404">The account was deleted after the access token was issued.</response>
    /// <response code="409">The account changed at the same moment (another password change, say); retry.</response>
    /// <response code="413">The body is larger than 1 MiB.</response>
    /// <response code="415">The body is not JSON.</response>
    [HttpPut("me/password")]
    [Consumes(ContentTypes.Json)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ContentTypes.Problem)]
    public async Task<IActionResult> ChangePassword(
        [Description("The current and the new password.")] ChangePasswordRequest request,
        [FromServices] AccountService accounts, // only this action needs it; the others would build it for nothing
        CancellationToken cancellationToken)
    {
        await accounts.ChangePasswordAsync(Caller, request, cancellationToken);
        return NoContent();
    }
}
