using System.Diagnostics;
using Users.Api.Telemetry;

namespace Users.Api.Logging;

/// <summary>
/// Logs one structured line per request once its status is known: method, path, status, duration, request id and
/// trace id; at Information, but at Debug for health probes and metric scrapes, which come every few seconds. A 4xx
/// gets a second line at Debug that says why: the problem's title and detail and the fields it names (never their
/// values). The ids are fields of the line rather than a logging scope, and the lines are built by a source-generated
/// logger; HttpLogging's text block and field list cost the read path about a tenth of its throughput.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var level = ManagementPort.IsProbe(context) ? LogLevel.Debug : LogLevel.Information;
        var logRequest = logger.IsEnabled(level);
        var explainProblems = logger.IsEnabled(LogLevel.Debug);
        if (!logRequest && !explainProblems)
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var duration = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var traceId = Activity.Current?.TraceId.ToHexString();
            var status = context.Response.StatusCode;
            if (logRequest)
            {
                LogRequest(logger, level, context.Request.Method, context.Request.Path, status, duration, context.TraceIdentifier, traceId);
            }

            if (explainProblems && status is >= 400 and < 500 && context.Features.Get<AnsweredProblem>() is { } problem)
            {
                LogProblem(
                    logger, context.Request.Method, context.Request.Path, status, problem.Details.Title, problem.Details.Detail, problem.Fields, traceId);
            }
        }
    }

    [LoggerMessage(
        EventId = 1,
        Message = "{Method} {Path} answered {StatusCode} in {Duration:0.000} ms (request {RequestId}, trace {TraceId})")]
    private static partial void LogRequest(
        ILogger logger, LogLevel level, string method, PathString path, int statusCode, double duration, string requestId, string? traceId);

    [LoggerMessage(
        EventId = 2,
        Level = LogLevel.Debug,
        Message = "{Method} {Path} answered {StatusCode} because: {Title}: {Detail} (fields: {Fields}; trace {TraceId})")]
    private static partial void LogProblem(
        ILogger logger, string method, PathString path, int statusCode, string? title, string? detail, string? fields, string? traceId);
}
