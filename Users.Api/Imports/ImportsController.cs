using System.ComponentModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Users.Api.Auth;
using Users.Api.Hosting;
using Users.Api.Idempotency;
using Users.Api.OpenApi;
using Users.Application.Accounts;
using Users.Application.Imports;

namespace Users.Api.Imports;

/// <summary>
/// Bulk imports of users from CSV files (admins only). A file is taken in at once and its rows are written in the
/// background; its report says how far it got and why rows were refused.
/// </summary>
[ApiController]
[Authorize]
[Route(Path)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ContentTypes.Problem)]
[ResponseHeader(StatusCodes.Status401Unauthorized, "WWW-Authenticate", "Bearer: how to authenticate.")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ContentTypes.Problem)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, ContentTypes.Problem)]
[ResponseHeader(StatusCodes.Status503ServiceUnavailable, "Retry-After", "Seconds to wait before retrying.")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status504GatewayTimeout, ContentTypes.Problem)]
public sealed class ImportsController(ImportService imports) : ControllerBase
{
    public const string Path = "api/v1/users/imports";

    /// <summary>The largest file taken: about three million rows of typical length.</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    private const string CsvFile =
        "A CSV file (RFC 4180, UTF-8, a byte-order mark and CRLF or LF line ends allowed) whose header row names the " +
        "columns email and fullName, and may name isActive (true or false; true when empty), in any order. Fields may be " +
        "quoted, and quoted fields may hold commas, quotes (doubled) and line breaks. At most 100 MiB.";

    private Caller Caller => User.ToCaller();

    /// <summary>Imports users from a CSV file (admins only).</summary>
    /// <remarks>
    /// The header is checked and the rows are stored before the answer; they are then checked by the rules of
    /// <c>POST /api/v1/users</c> and written in the background. A row becomes an active (unless <c>isActive</c> says
    /// false) ordinary user without a password; a row whose email is taken, regardless of case, by a stored user or an
    /// earlier row of the file is skipped; a row with an invalid field is reported. Read the import at its
    /// <c>Location</c> until its state is <c>succeeded</c> or <c>failed</c>. Send an <c>Idempotency-Key</c> to make
    /// retries safe: a retry with the key gets the first answer back and imports nothing again.
    /// </remarks>
    /// <response code="202">The import, queued, with its <c>Location</c>.</response>
    /// <response code="400">The header row does not name the columns an import takes, the file is not UTF-8 CSV (the errors say which columns or which row), or the <c>Idempotency-Key</c> is not one.</response>
    /// <response code="403">The caller is not an admin.</response>
    /// <response code="409">A request with this <c>Idempotency-Key</c> is still running.</response>
    /// <response code="413">The body is larger than 100 MiB.</response>
    /// <response code="415">The body is not <c>text/csv</c>.</response>
    /// <response code="422">This <c>Idempotency-Key</c> was sent with a different request.</response>
    [HttpPost]
    [Idempotent]
    [Consumes(ContentTypes.Csv)]
    [RequestSizeLimit(MaxFileBytes)]
    [RequestTimeout(RequestTimeoutsSetup.ImportPolicy)]
    [StreamedRequestBody(ContentTypes.Csv, CsvFile)]
    [ProducesResponseType<ImportReport>(StatusCodes.Status202Accepted, ContentTypes.Json)]
    [ResponseHeader(StatusCodes.Status202Accepted, "Location", "The import's address, to read its progress and report.")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ContentTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ContentTypes.Problem)]
    public async Task<ActionResult<ImportReport>> Start(CancellationToken cancellationToken)
    {
        var import = await imports.StartAsync(Caller, Request.Body, cancellationToken);
        return AcceptedAtAction(nameof(Get), new { id = import.Id }, import);
    }

    /// <summary>Reads an import: its state, its counts and the first 1,000 failures (admins only).</summary>
    /// <response code="200">The import's report.</response>
    /// <response code="403">The caller is not an admin.</response>
    /// <response code="404">No import has this id.</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ImportReport>(StatusCodes.Status200OK, ContentTypes.Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ContentTypes.Problem)]
    public Task<ImportReport> Get([Description("The import's id.")] Guid id, CancellationToken cancellationToken) =>
        imports.GetAsync(Caller, id, cancellationToken);
}
