using System.Net;
using Users.Api.Auth;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>The two ways the API turns a caller away at the door: no token at all, or a token it does not accept.</summary>
public static class BearerAssert
{
    /// <summary>A 401 problem saying to sign in, with a bare <c>Bearer</c> challenge (RFC 6750, 3.1: no error without a token).</summary>
    public static async Task IsNoTokenAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Challenge(response), Is.EqualTo("Bearer"));
            Assert.That(problem.Detail, Is.EqualTo(AuthProblems.NoToken));
        }
    }

    /// <summary>A 401 problem saying the token is bad, with <c>Bearer error="invalid_token"</c> and nothing about why.</summary>
    public static async Task IsInvalidTokenAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Challenge(response), Is.EqualTo("Bearer error=\"invalid_token\""));
            Assert.That(problem.Detail, Is.EqualTo(AuthProblems.BadToken));
        }
    }

    private static string Challenge(HttpResponseMessage response) =>
        response.Headers.TryGetValues("WWW-Authenticate", out var values) ? string.Join(", ", values) : "(none)";
}
