using Users.Api.Jobs;

namespace Users.Api.Security;

/// <summary>
/// Headers every answer carries, errors included: no MIME sniffing, no referrer, no framing, a content policy that
/// lets an API answer load nothing (the HTML pages get their own), and no caching of personal data unless an endpoint
/// says otherwise.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    // The API reference page (Development only) runs its own scripts and styles.
    private const string ReferencePageContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    // The jobs dashboard loads its own scripts, styles and fonts, sets styles inline, and posts back to itself.
    private const string JobsDashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly PathString ReferencePage = "/scalar";
    private static readonly PathString JobsDashboardPath = JobsDashboard.Path;

    // One callback per policy, chosen from the path as the request comes in: by the time the answer starts, a branch
    // such as the dashboard's may have moved its prefix into the path base.
    private static readonly Func<object, Task> ApplyApi = state => Apply((HttpContext)state, ApiContentSecurityPolicy);
    private static readonly Func<object, Task> ApplyReferencePage = state => Apply((HttpContext)state, ReferencePageContentSecurityPolicy);
    private static readonly Func<object, Task> ApplyJobsDashboard = state => Apply((HttpContext)state, JobsDashboardContentSecurityPolicy);

    public Task InvokeAsync(HttpContext context)
    {
        // On starting, so the headers survive the exception handler clearing the response for a problem.
        var path = context.Request.Path;
        var apply = path.StartsWithSegments(ReferencePage) ? ApplyReferencePage
            : path.StartsWithSegments(JobsDashboardPath) ? ApplyJobsDashboard
            : ApplyApi;
        context.Response.OnStarting(apply, context);
        return next(context);
    }

    private static Task Apply(HttpContext context, string contentSecurityPolicy)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        if (!headers.ContainsKey("Cache-Control"))
        {
            headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    }
}
