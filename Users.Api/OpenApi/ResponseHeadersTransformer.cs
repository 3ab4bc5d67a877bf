using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Users.Api.OpenApi;

/// <summary>Adds the headers named by <see cref="ResponseHeaderAttribute"/> to the documented responses.</summary>
public sealed class ResponseHeadersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var headers = context.Description.ActionDescriptor.EndpointMetadata.OfType<ResponseHeaderAttribute>();
        foreach (var header in headers)
        {
            if (operation.Responses?.TryGetValue(header.StatusCode.ToString(CultureInfo.InvariantCulture), out var response) is true &&
                response is OpenApiResponse documented)
            {
                documented.Headers ??= new Dictionary<string, IOpenApiHeader>();
                documented.Headers[header.Name] = new OpenApiHeader
                {
                    Description = header.Description,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }

        return Task.CompletedTask;
    }
}
