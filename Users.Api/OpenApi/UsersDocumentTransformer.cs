using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Users.Api.OpenApi;

/// <summary>Names the API in its OpenAPI document.</summary>
public sealed class UsersDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Users API",
            Version = "v1",
            Description = "User accounts over PostgreSQL. Errors are RFC 9457 problems (application/problem+json).",
        };
        return Task.CompletedTask;
    }
}
