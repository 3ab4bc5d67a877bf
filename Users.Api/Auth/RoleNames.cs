using Users.Domain.Users;

namespace Users.Api.Auth;

/// <summary>Roles as tokens and JSON bodies spell them.</summary>
public static class RoleNames
{
    public const string User = "user";
    public const string Admin = "admin";

    public static string Of(UserRole role) => role == UserRole.Admin ? Admin : User;

    public static UserRole? Parse(string? name) => name switch
    {
        Admin => UserRole.Admin,
        User => UserRole.User,
        _ => null,
    };
}
