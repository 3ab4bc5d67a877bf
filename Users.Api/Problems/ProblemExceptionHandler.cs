using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Users.Api.RateLimiting;
using Users.Application.Errors;
using Users.Infrastructure.Persistence;

namespace Users.Api.Problems;

/// <summary>Turns every exception that reaches the top into an RFC 9457 problem, without internals.</summary>
public sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problems, DatabaseOutageLog databaseOutage, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    private const string DatabaseRetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return true;
        }

        if (exception is RateLimitRejectedException rejected)
        {
            return await RateLimitProblem.WriteAsync(httpContext, rejected.RetryAfter);
        }

        if (exception is InvalidFieldException invalid)
        {
            // A rule that needed stored data failed: the same shape as the validators' 400s.
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Detail = ValidationProblems.Detail,
                },
            });
        }

        var refusal = DatabaseValueRefusal.SqlStateOf(exception);
        var (status, title, detail) = Describe(httpContext, exception, refusal);
        if (refusal is not null)
        {
            // The client's 400, but a rule missing from a validator: worth a warning, without the value.
            LogRefusedValue(logger, httpContext.Request.Method, httpContext.Request.Path, refusal, TraceId(httpContext));
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // One warning per interval for the whole outage, not a stack trace per request.
            databaseOutage.Report($"{httpContext.Request.Method} {httpContext.Request.Path} (trace {TraceId(httpContext)})", exception);
            httpContext.Response.Headers.RetryAfter = DatabaseRetryAfterSeconds;
        }
        else if (status >= StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, httpContext.Request.Method, httpContext.Request.Path, TraceId(httpContext), exception);
        }

        if (status == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static (int Status, string Title, string? Detail) Describe(HttpContext httpContext, Exception exception, string? refusal) => exception switch
    {
        AuthenticationFailedException => (StatusCodes.Status401Unauthorized, "Unauthorized", exception.Message),
        ForbiddenException => (StatusCodes.Status403Forbidden, "Forbidden", exception.Message),
        NotFoundException => (StatusCodes.Status404NotFound, "Not Found", exception.Message),
        ConflictException => (StatusCodes.Status409Conflict, "Conflict", exception.Message),
        PreconditionFailedException => (StatusCodes.Status412PreconditionFailed, "Precondition Failed", exception.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, "Content Too Large", RequestBodyLimit.Detail(RequestBodyLimit.For(httpContext))),
        BadHttpRequestException bad => (bad.StatusCode, "Bad Request", "The request could not be read."),
        _ when refusal is not null =>
            (StatusCodes.Status400BadRequest, "Bad Request", "A value in the request cannot be stored, such as text holding a NUL character."),
        _ when DatabaseOutageLog.IsDatabaseFailure(exception) =>
            (StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The database is unavailable; retry later."),
        _ => (StatusCodes.Status500InternalServerError, "Internal Server Error", "An unexpected error occurred."),
    };

    // The trace id is what the client's problem carries, so a report from a client leads straight to this line.
    private static string TraceId(HttpContext httpContext) =>
        System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? httpContext.TraceIdentifier;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the database refused a value the request's validation let through (SQLSTATE {SqlState}, trace {TraceId})")]
    private static partial void LogRefusedValue(ILogger logger, string method, PathString path, string sqlState, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly (trace {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, string method, PathString path, string traceId, Exception exception);
}
