using Users.Api.Imports;
using Users.Api.Jobs;
using Users.Api.Logging;

namespace Users.Api.Problems;

/// <summary>
/// Gives every problem a title and a detail that say why, by status, when whatever raised it did not: the framework's
/// own answers (routing, media type, method), auth challenges, refusals and rate limits alike. Texts about a particular
/// resource come from the application's errors instead. Every problem is also kept on the request for the request log,
/// which says at Debug why a 4xx was given.
/// </summary>
public static class ProblemDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        context.HttpContext.Features.Set(new AnsweredProblem(problem));
        problem.Title ??= problem.Status switch
        {
            StatusCodes.Status413PayloadTooLarge => "Content Too Large",
            StatusCodes.Status429TooManyRequests => "Too Many Requests",
            _ => null,
        };
        // The jobs dashboard only sets a refusal's status; the problem says what it recorded.
        problem.Detail ??= JobsDashboard.RefusalOf(context.HttpContext);
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status400BadRequest => "The request could not be read.",
            StatusCodes.Status401Unauthorized => "Sign in first: send 'Authorization: Bearer <accessToken>'.",
            StatusCodes.Status403Forbidden => "The signed-in user may not do this.",
            StatusCodes.Status404NotFound => "Nothing is at this address; check the path and the id in it.",
            StatusCodes.Status405MethodNotAllowed => "This address does not accept the request's method.",
            StatusCodes.Status406NotAcceptable => "The API answers in application/json and application/problem+json only.",
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than this address accepts.",
            StatusCodes.Status415UnsupportedMediaType => $"Send the body as {AcceptedTypes(context.HttpContext)}.",
            StatusCodes.Status429TooManyRequests => "Too many requests; slow down and retry later.",
            StatusCodes.Status504GatewayTimeout => "The request took longer than the service allows and was cancelled; retry later.",
            _ => null,
        };
    }

    /// <summary>
    /// What the address takes: JSON, but CSV for imports. Routing answers a 415 itself, with an endpoint of its own that
    /// does not say what the action it refused takes, so the address decides.
    /// </summary>
    private static string AcceptedTypes(HttpContext context) =>
        context.Request.Path.StartsWithSegments($"/{ImportsController.Path}", StringComparison.OrdinalIgnoreCase)
            ? ContentTypes.Csv
            : ContentTypes.Json;
}
