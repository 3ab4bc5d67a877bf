using Microsoft.Net.Http.Headers;
using Users.Application.Idempotency;

namespace Users.Api.Idempotency;

/// <summary>
/// One request with an <c>Idempotency-Key</c> on its way through the rest of the pipeline: its body is hashed as it is
/// read, and its answer is held in memory until the transaction it ran in has ended, so that no client sees a success
/// that the database then lost, and the answer kept for retries is exactly the one sent.
/// </summary>
public sealed class IdempotentHttpRequest : IIdempotentRequest, IAsyncDisposable
{
    /// <summary>The headers that belong to the outcome; the rest (security, caching) every answer gets anew.</summary>
    private static readonly string[] KeptHeaders = [HeaderNames.Location, HeaderNames.ETag];

    private readonly HttpContext _context;
    private readonly RequestDelegate _next;
    private readonly Stream _requestBody;
    private readonly DigestingBodyStream _body;
    private readonly Stream _responseBody;
    private readonly MemoryStream _answer = new();

    public IdempotentHttpRequest(HttpContext context, RequestDelegate next, bool bodyHoldsSecrets)
    {
        _context = context;
        _next = next;
        BodyHoldsSecrets = bodyHoldsSecrets;
        _requestBody = context.Request.Body;
        _body = new DigestingBodyStream(_requestBody, context.Request);
        _responseBody = context.Response.Body;
        context.Request.Body = _body;
    }

    public bool BodyHoldsSecrets { get; }

    public Task<byte[]> DigestAsync(CancellationToken cancellationToken) => _body.DigestAsync(cancellationToken);

    public async Task<IdempotentResponse?> RunAsync(CancellationToken cancellationToken)
    {
        var response = _context.Response;
        response.Body = _answer;
        await _next(_context);

        // Whatever the action wrote through the body's pipe is in the buffer once this returns.
        await response.CompleteAsync();
        if (response.StatusCode is < StatusCodes.Status200OK or >= StatusCodes.Status300MultipleChoices)
        {
            return null;
        }

        var headers = KeptHeaders
            .Where(name => response.Headers.ContainsKey(name))
            .ToDictionary(name => name, name => response.Headers[name].ToString(), StringComparer.OrdinalIgnoreCase);
        return new IdempotentResponse(response.StatusCode, response.ContentType, headers, _answer.ToArray());
    }

    /// <summary>Sends the answer the request gave when it ran, once its transaction has ended.</summary>
    public async Task SendAnswerAsync(CancellationToken cancellationToken)
    {
        RestoreResponseBody();
        if (_answer.Length == 0)
        {
            // An empty answer stays as the endpoint left it, for the status-code pages to give it a problem body.
            return;
        }

        _context.Response.ContentLength ??= _answer.Length;
        _answer.Position = 0;
        await _answer.CopyToAsync(_context.Response.Body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Before anything else answers (the exception handler, say), the response writes to the client again.
        RestoreResponseBody();
        _context.Request.Body = _requestBody;
        await _body.DisposeAsync();
        await _answer.DisposeAsync();
    }

    private void RestoreResponseBody()
    {
        if (!ReferenceEquals(_context.Response.Body, _responseBody))
        {
            _context.Response.Body = _responseBody;
        }
    }
}
