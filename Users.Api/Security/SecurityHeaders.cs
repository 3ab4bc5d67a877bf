namespace Users.Api.Security;

/// <summary>
/// Headers every answer carries, errors included: no MIME sniffing, no referrer, no framing, a content policy that
/// lets an API answer load nothing, and no caching of personal data unless an endpoint says otherwise.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    // The API reference page (Development only) runs its own scripts and styles.
    private const string ReferencePageContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private static readonly PathString ReferencePage = "/scalar";

    public Task InvokeAsync(HttpContext context)
    {
        // On starting, so the headers survive the exception handler clearing the response for a problem.
        context.Response.OnStarting(static state => Apply((HttpContext)state), context);
        return next(context);
    }

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ReferencePage)
            ? ReferencePageContentSecurityPolicy
            : ApiContentSecurityPolicy;
        if (!headers.ContainsKey("Cache-Control"))
        {
            headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    }
}
