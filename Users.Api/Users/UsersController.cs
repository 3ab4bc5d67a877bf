using Microsoft.AspNetCore.Mvc;
using Users.Application.Users;

namespace Users.Api.Users;

/// <summary>User accounts: create, read, list, change and delete.</summary>
[ApiController]
[Route("api/v1/users")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, ContentTypes.Problem)]
public sealed class UsersController(UserService users) : ControllerBase
{
    /// <summary>Creates a user.</summary>
    /// <response code="201">The user, with its <c>Location</c> and <c>ETag</c>.</response>
    /// <response code="400">The body is malformed or a field is invalid.</response>
    /// <response code="409">Another user has this email, regardless of case.</response>
    /// <response code="413">The body is larger than 1 MiB.</response>
    /// <response code="415">The body is not JSON.</response>
    [HttpPost]
    [Consumes(ContentTypes.Json)]
    [ProducesResponseType<UserResponse>(StatusCodes.Status201Created, ContentTypes.Json)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ContentTypes.Problem)]
    public async Task<ActionResult<UserResponse>> Create(CreateUserRequest request, CancellationToken cancellationToken)
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
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    public async Task<ActionResult<UserResponse>> Get(Guid id, CancellationToken cancellationToken)
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
    /// <param name="id">The user's id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="ifMatch">The user's <c>ETag</c> as last read; when given and stale, nothing changes (412).</param>
    /// <param name="cancellationToken">Ends the work when the client goes away.</param>
    /// <response code="200">The changed user, with its new <c>ETag</c>.</response>
    /// <response code="400">The body is malformed, empty or a field is invalid.</response>
    /// <response code="404">No user has this id.</response>
    /// <response code="409">Another user has this email, regardless of case.</response>
    /// <response code="412">The user changed since the version given in <c>If-Match</c>.</response>
    [HttpPatch("{id:guid}")]
    [Consumes(ContentTypes.Json, ContentTypes.MergePatch)]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ContentTypes.Problem)]
    public async Task<ActionResult<UserResponse>> Update(
        Guid id,
        UpdateUserRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        CancellationToken cancellationToken)
    {
        var updated = await users.UpdateAsync(id, request, EntityTags.ParseIfMatch(ifMatch), cancellationToken);
        Response.Headers.ETag = EntityTags.Format(updated.Version);
        return updated.User;
    }

    /// <summary>Deletes a user.</summary>
    /// <param name="id">The user's id.</param>
    /// <param name="ifMatch">The user's <c>ETag</c> as last read; when given and stale, nothing is deleted (412).</param>
    /// <param name="cancellationToken">Ends the work when the client goes away.</param>
    /// <response code="204">The user is gone.</response>
    /// <response code="404">No user has this id.</response>
    /// <response code="412">The user changed since the version given in <c>If-Match</c>.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ContentTypes.Problem)]
    public async Task<IActionResult> Delete(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        await users.DeleteAsync(id, EntityTags.ParseIfMatch(ifMatch), cancellationToken);
        return NoContent();
    }
}
