namespace Users.Api.Auth;

/// <summary>The claims of an access token besides the registered ones (<c>iss</c>, <c>aud</c>, <c>exp</c>, ...).</summary>
public static class AccessTokenClaims
{
    /// <summary>The user's id.</summary>
    public const string Subject = "sub";

    /// <summary><c>user</c> or <c>admin</c>.</summary>
    public const string Role = "role";
}
