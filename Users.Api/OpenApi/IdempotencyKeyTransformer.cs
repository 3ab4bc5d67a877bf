using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Users.Api.Idempotency;
using Users.Application.Idempotency;

namespace Users.Api.OpenApi;

/// <summary>
/// Documents the optional <c>Idempotency-Key</c> header of the operations marked <see cref="IdempotentAttribute"/>, and
/// the <c>Idempotent-Replayed</c> header of their success when it is a kept answer sent again. Their 409 and 422
/// problems are declared on the actions, like every other response.
/// </summary>
public sealed class IdempotencyKeyTransformer : IOpenApiOperationTransformer
{
    private const string KeyDescription =
        "A key unique to this request (a UUID, say), bare or quoted, that makes retrying it safe. The first request with " +
        "the key runs and its answer is kept; a retry with the key and the same request gets that answer again, a retry " +
        "while the first is still running gets 409, and the key with a different request gets 422. A request that fails " +
        "keeps nothing, so its key may be sent again. Keys are the caller's own (anonymous callers share one space) and " +
        "expire after Idempotency:KeyLifetime (24 hours by default).";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentAttribute>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader.Name,
            In = ParameterLocation.Header,
            Required = false,
            Description = KeyDescription,
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = 1,
                MaxLength = IdempotencyKey.MaxLength,
                Pattern = IdempotencyKeyHeader.Pattern,
            },
        });

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status.StartsWith('2') && response is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers[IdempotencyKeyHeader.Replayed] = new OpenApiHeader
                {
                    Description = "true when this is the kept answer to an earlier request with the same Idempotency-Key.",
                    Required = false,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["true"] },
                };
            }
        }

        return Task.CompletedTask;
    }
}
