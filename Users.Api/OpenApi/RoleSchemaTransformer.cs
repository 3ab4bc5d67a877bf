using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Users.Api.Auth;
using Users.Domain.Users;

namespace Users.Api.OpenApi;

/// <summary>
/// A role is one of the words <see cref="Json.RoleJsonConverter"/> reads and writes. That converter is the API's own,
/// so the schema generator cannot see its values; this says them.
/// </summary>
public sealed class RoleSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(UserRole))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [JsonValue.Create(RoleNames.User), JsonValue.Create(RoleNames.Admin)];
        }

        return Task.CompletedTask;
    }
}
