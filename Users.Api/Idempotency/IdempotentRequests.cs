using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Users.Api.Auth;
using Users.Application.Errors;
using Users.Application.Idempotency;

namespace Users.Api.Idempotency;

/// <summary>
/// Makes retries of the creates marked <see cref="IdempotentAttribute"/> safe when they carry an <c>Idempotency-Key</c>:
/// the first request with a key runs, and its answer (status, <c>Location</c>, <c>ETag</c>, body) is kept in the same
/// transaction as what it created; a retry with the key gets that answer again, with <c>Idempotent-Replayed: true</c>;
/// a retry while the first still runs is a 409 problem, and the key sent with a different request a 422 problem. A
/// request that fails keeps nothing, so its key may be sent again. Without the header, or elsewhere, nothing changes.
/// </summary>
public sealed class IdempotentRequests(RequestDelegate next, IProblemDetailsService problems)
{
    // Every other request passes straight through, without an async state machine of its own.
    public Task InvokeAsync(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is { } idempotent &&
        context.Request.Headers.TryGetValue(IdempotencyKeyHeader.Name, out var header)
            ? RunOnceAsync(context, idempotent, header)
            : next(context);

    private async Task RunOnceAsync(HttpContext context, IdempotentAttribute idempotent, StringValues header)
    {
        if (!IdempotencyKeyHeader.TryParse(header, out var value))
        {
            // The exception handler answers it as any invalid field: a 400 whose errors name the header.
            throw new InvalidFieldException(IdempotencyKeyHeader.Name, IdempotencyKeyHeader.Rule);
        }

        // Keys are the caller's own: the user the access token names, or, for sign-up, every anonymous caller together.
        var key = IdempotencyKey.Of(context.User.FindCaller()?.UserId, value);
        var service = context.RequestServices.GetRequiredService<IdempotencyService>();
        await using var request = new IdempotentHttpRequest(context, next, idempotent.BodyHoldsSecrets);
        var run = await service.RunOnceAsync(key, request, context.RequestAborted);
        switch (run.Outcome)
        {
            case IdempotencyOutcome.Replayed:
                await ReplayAsync(context, run.Replay!);
                break;
            case IdempotencyOutcome.InProgress:
                await WriteProblemAsync(
                    context,
                    StatusCodes.Status409Conflict,
                    "Conflict",
                    $"A request with this {IdempotencyKeyHeader.Name} is still being processed; retry once it has finished to get its answer.");
                break;
            case IdempotencyOutcome.KeyReused:
                await WriteProblemAsync(
                    context,
                    StatusCodes.Status422UnprocessableEntity,
                    "Unprocessable Content",
                    $"This {IdempotencyKeyHeader.Name} was sent with a different request (another body or address); send a new key with a new request.");
                break;
            default:
                await request.SendAnswerAsync(context.RequestAborted);
                break;
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentResponse kept)
    {
        var response = context.Response;
        response.StatusCode = kept.StatusCode;
        response.ContentType = kept.ContentType;
        foreach (var (name, value) in kept.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        response.ContentLength = kept.Body.Length;
        await response.Body.WriteAsync(kept.Body, context.RequestAborted);
    }

    private Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
