using System.Security.Claims;
using Users.Application.Accounts;
using Users.Application.Errors;

namespace Users.Api.Auth;

/// <summary>Reads the caller out of a validated access token.</summary>
public static class CallerClaims
{
    public const string Unusable = "The access token does not name a user and a role.";

    public static Caller ToCaller(this ClaimsPrincipal principal) =>
        principal.FindCaller() ?? throw new AuthenticationFailedException(Unusable);

    /// <summary>The user and role the token names, or null when it does not name both.</summary>
    public static Caller? FindCaller(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(AccessTokenClaims.Subject)?.Value, out var id) &&
        RoleNames.Parse(principal.FindFirst(AccessTokenClaims.Role)?.Value) is { } role
            ? new Caller(id, role)
            : null;
}
