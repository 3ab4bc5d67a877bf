using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Users.Api.Auth;

/// <summary>
/// The default scheme: answers a bearer token JwtBearer already validated from <see cref="ValidatedBearerTokens"/>, and
/// hands everything else (first sight of a token, no token, challenges, refusals) to JwtBearer. A hit allocates nothing:
/// the ticket, principal included, is shared by every request carrying that token, which only reads it (the service
/// has no claims transformation).
/// </summary>
public sealed class CachedBearerHandler(ValidatedBearerTokens validated) : IAuthenticationHandler
{
    public const string Scheme = "CachedBearer";

    private static readonly Task<AuthenticateResult> NoToken = Task.FromResult(AuthenticateResult.NoResult());

    private HttpContext _context = null!;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _context = context;
        return Task.CompletedTask;
    }

    public Task<AuthenticateResult> AuthenticateAsync()
    {
        var authorization = _context.Request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            return NoToken;
        }

        return authorization.Count == 1 && validated.Find(authorization[0]!) is { } known ? known : ValidateAsync(authorization.ToString());
    }

    public Task ChallengeAsync(AuthenticationProperties? properties) =>
        _context.ChallengeAsync(JwtBearerDefaults.AuthenticationScheme, properties);

    public Task ForbidAsync(AuthenticationProperties? properties) =>
        _context.ForbidAsync(JwtBearerDefaults.AuthenticationScheme, properties);

    private async Task<AuthenticateResult> ValidateAsync(string authorization)
    {
        var result = await _context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        validated.Remember(authorization, result);
        return result;
    }
}
