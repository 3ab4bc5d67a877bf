using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Users.Api.Problems;

/// <summary>
/// Writes a problem as <c>application/problem+json</c> when ASP.NET Core's own writer declines because the request's
/// <c>Accept</c> names no JSON type (<c>application/xml</c>, <c>text/html</c>). The API has no other form to answer in,
/// and declining would leave the failure unwritten: logged as unhandled, with a stack trace, and answered with a
/// generic detail instead of the reason. Registered after the default writer, so it writes only what that one will not,
/// the same way: the status's type and title, <c>traceId</c>, then <see cref="ProblemDefaults"/>.
/// </summary>
public sealed class JsonProblemWriter(
    IOptions<ProblemDetailsOptions> problems, IOptions<ApiBehaviorOptions> api, IOptions<HttpJsonOptions> json) : IProblemDetailsWriter
{
    private const string TraceIdMember = "traceId";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var httpContext = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= httpContext.Response.StatusCode;
        if (api.Value.ClientErrorMapping.TryGetValue(problem.Status.Value, out var known))
        {
            problem.Type ??= known.Link;
            problem.Title ??= known.Title;
        }

        problem.Extensions.TryAdd(TraceIdMember, Activity.Current?.Id ?? httpContext.TraceIdentifier);
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(httpContext.Response.WriteAsJsonAsync(
            problem, json.Value.SerializerOptions.GetTypeInfo(problem.GetType()), ContentTypes.Problem, httpContext.RequestAborted));
    }
}
