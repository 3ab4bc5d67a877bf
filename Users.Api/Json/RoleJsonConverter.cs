using System.Text.Json;
using System.Text.Json.Serialization;
using Users.Api.Auth;
using Users.Domain.Users;

namespace Users.Api.Json;

/// <summary>
/// Roles as the exact words "user" and "admin". The framework's enum converter would also take "Admin", " admin"
/// and lists such as "user, admin" (read as admin); a role is too important to guess, so anything else is refused.
/// </summary>
public sealed class RoleJsonConverter : JsonConverter<UserRole>
{
    public override UserRole Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && RoleNames.Parse(reader.GetString()) is { } role
            ? role
            : throw new JsonException("A role is \"user\" or \"admin\".");

    public override void Write(Utf8JsonWriter writer, UserRole value, JsonSerializerOptions options) =>
        writer.WriteStringValue(RoleNames.Of(value));
}
