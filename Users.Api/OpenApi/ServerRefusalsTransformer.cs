using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Users.Api.OpenApi;

/// <summary>
/// Declares on every operation the refusals Kestrel makes before any endpoint runs, whatever the operation: a request
/// line over its limit (414), headers over theirs (431), and a malformed request (400, such as an encoded NUL in the
/// path), all with an empty body. Any client can meet them, and a fuzzer does; left out, the document would say those
/// operations never answer so. Each is one component response, with the limits the server runs with. The 400 goes on
/// the operations that have no 400 of their own; where an operation has one, that problem is what it documents.
/// </summary>
public sealed class ServerRefusalsTransformer(IOptions<KestrelServerOptions> kestrel) : IOpenApiDocumentTransformer
{
    public const string UriTooLong = "UriTooLong";

    public const string HeadersTooLarge = "RequestHeaderFieldsTooLarge";

    public const string Malformed = "MalformedRequest";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var limits = kestrel.Value.Limits;
        document.Components ??= new OpenApiComponents();
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        document.Components.Responses[UriTooLong] = new OpenApiResponse
        {
            Description = string.Create(
                CultureInfo.InvariantCulture,
                $"The request line (method, path and query string) is longer than {limits.MaxRequestLineSize} bytes. Refused by the HTTP server before the operation runs, with no body."),
        };
        document.Components.Responses[HeadersTooLarge] = new OpenApiResponse
        {
            Description = string.Create(
                CultureInfo.InvariantCulture,
                $"The request's headers total more than {limits.MaxRequestHeadersTotalSize} bytes or number more than {limits.MaxRequestHeaderCount}. Refused by the HTTP server before the operation runs, with no body."),
        };

        document.Components.Responses[Malformed] = new OpenApiResponse
        {
            Description = "The request is malformed at the HTTP level (such as an encoded NUL in the path). Refused by the HTTP server before the operation runs, with no body.",
        };

        foreach (var operation in document.Paths?.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []) ?? [])
        {
            operation.Responses ??= [];
            operation.Responses.TryAdd("414", new OpenApiResponseReference(UriTooLong, document));
            operation.Responses.TryAdd("431", new OpenApiResponseReference(HeadersTooLarge, document));
            operation.Responses.TryAdd("400", new OpenApiResponseReference(Malformed, document));
        }

        return Task.CompletedTask;
    }
}
