using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Users.Api.OpenApi;

/// <summary>Adds the <c>If-Match</c> header parameter to the operations marked <see cref="AcceptsIfMatchAttribute"/>.</summary>
public sealed class IfMatchTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AcceptsIfMatchAttribute>().FirstOrDefault() is { } ifMatch)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = false,
                Description = ifMatch.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        return Task.CompletedTask;
    }
}
