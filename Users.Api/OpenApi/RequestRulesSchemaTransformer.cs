using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Users.Application.Users;

namespace Users.Api.OpenApi;

/// <summary>
/// The validators' field rules, written into the request schemas so that a value a generator builds from the schema is
/// one the service takes: an email's form, a name that is not blank and has no control characters, a change that
/// changes something (<c>minProperties</c>), and each request type's example (<see cref="RequestExamples"/>).
/// </summary>
public sealed class RequestRulesSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>No control characters (C0, DEL, C1), as <c>TextRules.PlainText</c> refuses.</summary>
    private const string NoControl = @"[^\u0000-\u001F\u007F-\u009F]";

    /// <summary>Spaces around are trimmed; inside, a local part of 1 to 64 characters, '@', and a dotted domain.</summary>
    public const string EmailPattern = @"^\s*[^\s@\u0000-\u001F\u007F-\u009F]{1,64}@[^\s@.\u0000-\u001F\u007F-\u009F]+(\.[^\s@.\u0000-\u001F\u007F-\u009F]+)+\s*$";

    /// <summary>Plain text with at least one character that is not a space.</summary>
    public const string FullNamePattern = "^" + NoControl + @"*[^\s\u0000-\u001F\u007F-\u009F]" + NoControl + "*$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property)
        {
            if (IsRequest(property.DeclaringType))
            {
                switch (property.Name)
                {
                    case "email":
                        schema.Format = "email";
                        schema.Pattern = EmailPattern;
                        break;
                    case "fullName":
                        schema.Pattern = FullNamePattern;
                        break;
                }
            }

            return Task.CompletedTask;
        }

        var type = context.JsonTypeInfo.Type;
        if (type == typeof(UpdateUserRequest) || type == typeof(UpdateMeRequest))
        {
            // UpdateUserRequestValidator: a change must name at least one field.
            schema.MinProperties = 1;
        }

        if (RequestExamples.ByType.TryGetValue(type, out var example))
        {
            schema.Examples = [example.DeepClone()];
        }

        return Task.CompletedTask;
    }

    private static bool IsRequest(Type type) =>
        type.Assembly == typeof(UserService).Assembly && type.Name.EndsWith("Request", StringComparison.Ordinal);
}
