using System.Security.Claims;
using Users.Application.Accounts;
using Users.Application.Errors;

namespace Users.Api.Auth;

/// <summary>Reads the caller out of a validated access token.</summary>
public static class CallerClaims
{
    public static Caller ToCaller(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(AccessTokenClaims.Subject)?.Value, out var id) &&
        RoleNames.Parse(principal.FindFirst(AccessTokenClaims.Role)?.Value) is { } role
            ? new Caller(id, role)
            : throw new AuthenticationFailedException("The access token does not name a user and a role.");
}
