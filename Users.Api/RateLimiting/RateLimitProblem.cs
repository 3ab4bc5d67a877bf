using System.Globalization;
using System.Threading.RateLimiting;

namespace Users.Api.RateLimiting;

/// <summary>The 429 problem of every rate limit, with <c>Retry-After</c> when the limiter knows the wait.</summary>
public static class RateLimitProblem
{
    public static async Task WriteAsync(HttpContext context, RateLimitLease lease)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var detail = "Too many requests; slow down and retry later.";
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"Too many requests; retry after {seconds} seconds.";
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too Many Requests", Detail = detail },
        });
    }
}
