using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Users.Api.OpenApi;
using Users.Application.Users;

namespace Users.Api.Users;

/// <summary>User accounts: create, read, list, change and delete.</summary>
[ApiController]
[Route("api/v1/users")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, ContentTypes.Problem)]
[ResponseHeader(StatusCodes.Status503ServiceUnavailable, "Retry-After", "Seconds to wait before retrying.")]
public sealed class UsersController(UserService users) : ControllerBase
{
    private const string UserId = "The user's id.";
    private const string IfMatch = "The user's ETag as last read. When given and no longer current, nothing changes and the answer is 412.";

    /// <summary>Creates a user.</summary>
    /// <response code="201">The user, with its <c>Location</c> and <c>ETag</c>.</response>
    /// <response code="400">The body is malformed or a field is invalid.</response>
    /// <response code="409">Another user has this email, regardless of case.</response>
    /// <response code="413">The body is larger than 1 MiB.</response>
    /// <response code="415">The body is not JSON.</response>
    [HttpPost]
    [Consumes(ContentTypes.Json)]
    [ProducesResponseType<UserResponse>(StatusCodes.Status201Created, ContentTypes.Json)]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new user's address.")]
    [ResponseHeader(StatusCodes.Status201Created, "ETag", EntityTags.Description)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ContentTypes.Problem)]
    public async Task<ActionResult<UserResponse>> Create(
        [Description("The user to create.")] CreateUserRequest request, CancellationToken cancellationToken)
    {
        var created = await users.CreateAsync(request, cancellationToken);
        Response.Headers.ETag = EntityTags.Format(created.Version);
        return CreatedAtAction(nameof(Get), new { id = created.User.Id }, created.User);
    }

    /// <summary>Reads a user.</summary>
    /// <response code="200">The user, with its <c>ETag</c>.</response>
    /// <response code="404">No user has this id.</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag", EntityTags.Description)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    public async Task<ActionResult<UserResponse>> Get([Description(UserId)] Guid id, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(id, cancellationToken);
        Response.Headers.ETag = EntityTags.Format(user.Version);
        return user.User;
    }

    /// <summary>Lists users newest first, a page at a time.</summary>
    /// <response code="200">A page of users and the cursor of the next one.</response>
    /// <response code="400">The limit is out of range or the cursor is not one this service issued.</response>
    [HttpGet]
    [ProducesResponseType<UserPage>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
    public Task<UserPage> List([FromQuery] ListUsersQuery query, CancellationToken cancellationToken) =>
        users.ListAsync(query, cancellationToken);

    /// <summary>Changes any of a user's email, full name and active flag.</summary>
    /// <response code="200">The changed user, with its new <c>ETag</c>.</response>
    /// <response code="400">The body is malformed, empty or a field is invalid.</response>
    /// <response code="404">No user has this id.</response>
    /// <response code="409">Another user has this email, regardless of case.</response>
    /// <response code="412">The user changed since the version given in <c>If-Match</c>.</response>
    /// <response code="413">The body is larger than 1 MiB.</response>
    /// <response code="415">The body is not JSON.</response>
    [HttpPatch("{id:guid}")]
    [Consumes(ContentTypes.Json, ContentTypes.MergePatch)]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag", EntityTags.Description)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ContentTypes.Problem)]
    public async Task<ActionResult<UserResponse>> Update(
        [Description(UserId)] Guid id,
        [Description("The fields to change.")] UpdateUserRequest request,
        [FromHeader(Name = "If-Match"), Description(IfMatch)] string? ifMatch,
        CancellationToken cancellationToken)
    {
        var updated = await users.UpdateAsync(id, request, EntityTags.ParseIfMatch(ifMatch), cancellationToken);
        Response.Headers.ETag = EntityTags.Format(updated.Version);
        return updated.User;
    }

    /// <summary>Deletes a user.</summary>
    /// <response code="204">The user is gone.</response>
    /// <response code="404">No user has this id.</response>
    /// <response code="412">The user changed since the version given in <c>If-Match</c>.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ContentTypes.Problem)]
    public async Task<IActionResult> Delete(
        [Description(UserId)] Guid id,
        [FromHeader(Name = "If-Match"), Description(IfMatch)] string? ifMatch,
        CancellationToken cancellationToken)
    {
        await users.DeleteAsync(id, EntityTags.ParseIfMatch(ifMatch), cancellationToken);
        return NoContent();
    }
}
