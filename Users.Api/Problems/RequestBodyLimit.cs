namespace Users.Api.Problems;

/// <summary>
/// Refuses bodies over 1 MiB with a 413 problem before anything reads them. Kestrel enforces the same limit on
/// bodies of unknown length (chunked) while they are read; <see cref="ProblemExceptionHandler"/> answers those.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IProblemDetailsService problems)
{
    public const long MaxBytes = 1024 * 1024;
    public const string Detail = "The request body is larger than 1 MiB.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "Content Too Large", Detail = Detail },
            });
            return;
        }

        await next(context);
    }
}
