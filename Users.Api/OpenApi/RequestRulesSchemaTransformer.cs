using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Users.Application.Users;

namespace Users.Api.OpenApi;

/// <summary>
/// The validators' field rules, written into the request schemas so that a value a generator builds from the schema is
/// one the service takes: an email's form, names and passwords that are not blank and have no control characters,
/// tokens that are not blank, a change that gives at least one field a value, and each request type's example
/// (<see cref="RequestExamples"/>).
/// </summary>
public sealed class RequestRulesSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>No control characters (C0, DEL, C1), as <c>TextRules.PlainText</c> refuses.</summary>
    private const string NoControl = @"[^\u0000-\u001F\u007F-\u009F]";

    /// <summary>
    /// No control character anywhere, said at the start: some engines (.NET's, Python's) let <c>$</c> match before a
    /// final line feed, so a class before <c>$</c> alone would let "ada\n" through.
    /// </summary>
    public const string NoControlAnywhere = @"(?![\s\S]*[\u0000-\u001F\u007F-\u009F])";

    /// <summary>
    /// White space as .NET's <c>char.IsWhiteSpace</c> (so <c>Trim</c> and <c>NotEmpty</c>) has it, spelt out: <c>\s</c> means
    /// another set in each dialect (JavaScript's has U+FEFF, Python's U+001C to U+001F, neither both U+0085 and not U+FEFF).
    /// </summary>
    private const string WhiteSpace = @"\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

    /// <summary>Characters beyond ASCII that <see cref="EmailSyntax"/> takes in an address: the Basic Multilingual Plane without C1 controls, white space and surrogates.</summary>
    private const string NonAscii = @"\u00A1-\u167F\u1681-\u1FFF\u200B-\u2027\u202A-\u202E\u2030-\u205E\u2060-\u2FFF\u3001-\uD7FF\uE000-\uFFFF";

    private const string AtomCharacter = @"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-" + NonAscii + "]";
    private const string LabelEnd = "[A-Za-z0-9" + NonAscii + "]";
    private const string LabelInner = @"[A-Za-z0-9\-" + NonAscii + "]";
    private const string Label = LabelEnd + "(?:" + LabelInner + "{0,61}" + LabelEnd + ")?";

    /// <summary>
    /// <see cref="EmailSyntax"/> and <c>UserRules.ValidEmail</c> as one pattern: white space around is trimmed; inside, a
    /// dot-atom local part of 1 to 64 characters, '@', and two or more labels of letters, digits and inner hyphens (up
    /// to 63 each), the last not all digits.
    /// </summary>
    public const string EmailPattern =
        "^" + NoControlAnywhere + "[" + WhiteSpace + "]*(?=[^@]{1,64}@)" + AtomCharacter + @"+(?:\." + AtomCharacter + @"+)*@(?:" + Label + @"\.)+(?![0-9]+[" + WhiteSpace + "]*$)" + Label + "[" + WhiteSpace + "]*$";

    /// <summary>Plain text with at least one character that is not a space.</summary>
    public const string NotBlankPlainTextPattern = "^" + NoControlAnywhere + NoControl + "*[^" + WhiteSpace + @"\u0000-\u001F\u007F-\u009F]" + NoControl + "*$";

    /// <summary>At least one character that is not white space (a validator's <c>NotEmpty</c>).</summary>
    public const string NotBlankPattern = "[^" + WhiteSpace + "]";

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
                    case "fullName" or "password" or "currentPassword" or "newPassword":
                        schema.Pattern = NotBlankPlainTextPattern;
                        break;
                    case "token" or "refreshToken":
                        schema.MinLength ??= 1;
                        schema.Pattern = NotBlankPattern;
                        break;
                }
            }

            return Task.CompletedTask;
        }

        var type = context.JsonTypeInfo.Type;
        if (type == typeof(UpdateUserRequest) || type == typeof(UpdateMeRequest))
        {
            // UpdateUserRequestValidator: a change must give at least one field a value; null leaves a field as it is,
            // so {"fullName": null} changes nothing and is refused like {}.
            schema.MinProperties = 1;
            schema.AnyOf = [.. (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(field => GivenAValue(field.Key, field.Value))];
        }

        if (RequestExamples.ByType.TryGetValue(type, out var example))
        {
            schema.Examples = [example.DeepClone()];
        }

        return Task.CompletedTask;
    }

    /// <summary>A schema that holds when <paramref name="name"/> is present and not null.</summary>
    private static OpenApiSchema GivenAValue(string name, IOpenApiSchema field) => new()
    {
        Required = new HashSet<string> { name },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            [name] = field.Type is { } type && type != JsonSchemaType.Null
                ? new OpenApiSchema { Type = type & ~JsonSchemaType.Null }
                : new OpenApiSchema { Not = new OpenApiSchema { Type = JsonSchemaType.Null } },
        },
    };

    private static bool IsRequest(Type type) =>
        type.Assembly == typeof(UserService).Assembly && type.Name.EndsWith("Request", StringComparison.Ordinal);
}
