using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Users.Api.Problems;

/// <summary>
/// Refuses bodies over the endpoint's limit with a 413 problem before anything reads them: 1 MiB unless the endpoint
/// declares its own with <c>[RequestSizeLimit]</c> (an upload, say). Kestrel enforces the same limit on bodies of
/// unknown length (chunked) while they are read; <see cref="ProblemExceptionHandler"/> answers those.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IProblemDetailsService problems)
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = For(context);
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Detail = Detail(limit) },
            });
            return;
        }

        if (limit != DefaultMaxBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        await next(context);
    }

    /// <summary>
    /// The body limit of the endpoint the request was routed to; while the exception handler answers, which clears the
    /// endpoint, that of the endpoint it remembers.
    /// </summary>
    public static long For(HttpContext context) =>
        (context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint)
            ?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBytes;

    public static string Detail(long limit) => $"The request body is larger than {Describe(limit)}, the most this address accepts.";

    private static string Describe(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";
}
