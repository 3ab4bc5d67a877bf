using System.Text.Json;
using System.Text.Json.Serialization;
using Users.Domain.Imports;

namespace Users.Api.Json;

/// <summary>How the API reads and writes JSON: the same for MVC bodies, problems and the OpenAPI schemas.</summary>
public static class ApiJsonOptions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.TypeInfoResolverChain.Insert(0, UsersJsonContext.Default);

        // Numbers are numbers: the schema then says "integer", not "integer or numeric string".
        options.NumberHandling = JsonNumberHandling.Strict;

        // A body that names a field twice is ambiguous; refuse it rather than guess which value was meant.
        options.AllowDuplicateProperties = false;

        // A misspelt or read-only field ("fullname", "id") is refused, not silently dropped; names are matched exactly,
        // as the document spells them ("fullName"), not whatever their case.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.PropertyNameCaseInsensitive = false;

        // Roles are words ("admin"), never numbers.
        options.Converters.Add(new RoleJsonConverter());

        // An import's state is written as a word ("queued"); requests never carry one.
        options.Converters.Add(new JsonStringEnumConverter<ImportState>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}
