using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Users.Api.OpenApi;

/// <summary>
/// Names the API in its OpenAPI document with its contact and licence (the <c>OpenApi</c> settings), describes its tags,
/// and gives its server URLs without a trailing slash.
/// </summary>
public sealed class UsersDocumentTransformer(IOptions<ApiDocumentOptions> settings) : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Users"] = "User accounts: admins list, search, create, change and delete them; users read and change their own.",
        ["Auth"] = "Signing up, signing in, refresh and logout, verifying an address, resetting a password, the jobs dashboard's session.",
        ["Imports"] = "Bulk import of users from CSV, processed in the background, and its report.",
        ["Jwks"] = "The public keys that verify the service's access tokens.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var info = settings.Value;
        document.Info = new OpenApiInfo
        {
            Title = "Users API",
            Version = "v1",
            Description = "User accounts over PostgreSQL. Errors are RFC 9457 problems (application/problem+json).",
            Contact = new OpenApiContact
            {
                Name = info.ContactName,
                Email = ApiDocumentOptions.Given(info.ContactEmail),
                Url = ApiDocumentOptions.Given(info.ContactUrl) is { } contactUrl ? new Uri(contactUrl) : null,
            },
            License = new OpenApiLicense
            {
                Name = info.LicenseName,
                Identifier = ApiDocumentOptions.Given(info.LicenseIdentifier),
                Url = ApiDocumentOptions.Given(info.LicenseUrl) is { } licenseUrl ? new Uri(licenseUrl) : null,
            },
        };

        // Each tag (a controller's, or [Tags]) is described once, for the documentation's sections.
        var used = document.Paths?.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal) ?? [];
        document.Tags = new HashSet<OpenApiTag>(
            used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
            {
                Name = name,
                Description = TagDescriptions.TryGetValue(name, out var description) ? description : null,
            }));

        // Clients append paths that start with a slash: "http://host/" + "/api/..." would double it.
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }

        return Task.CompletedTask;
    }
}
