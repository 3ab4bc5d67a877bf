using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Users.Api.Auth;

/// <summary>Answers a missing or bad access token with a 401 problem, and a refusal with a 403 problem.</summary>
public static class AuthProblems
{
    public const string NoToken = "Sign in first: send 'Authorization: Bearer <accessToken>' with a token from POST /api/v1/auth/token.";
    public const string BadToken = "The access token is invalid or has expired; refresh it or sign in again.";

    public static Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        // The default challenge describes the failure in the header (its expiry, say); clients get one plain answer.
        context.HandleResponse();
        var invalid = context.AuthenticateFailure is not null;
        context.Response.Headers.WWWAuthenticate = invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
        return WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, invalid ? BadToken : NoToken);
    }

    public static Task ForbiddenAsync(ForbiddenContext context) =>
        WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, null);

    private static async Task WriteAsync(HttpContext context, int status, string? detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }
}
