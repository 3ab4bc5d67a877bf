using System.Globalization;
using System.Threading.RateLimiting;

namespace Users.Api.RateLimiting;

/// <summary>The 429 problem of every rate limit, with <c>Retry-After</c> when the limiter knows the wait.</summary>
public static class RateLimitProblem
{
    public static TimeSpan? RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null;

    public static async Task<bool> WriteAsync(HttpContext context, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var detail = "Too many requests; slow down and retry later.";
        if (retryAfter is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"Too many requests; retry after {seconds} seconds.";
        }

        return await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = detail },
        });
    }
}
