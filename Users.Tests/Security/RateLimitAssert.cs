using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>What a request over a rate limit gets: a 429 problem that says why and when to come back.</summary>
public static class RateLimitAssert
{
    public static async Task<Problem> IsTooManyRequestsAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Title, Is.EqualTo("Too Many Requests"));
            Assert.That(retryAfter, Does.Match("^[1-9][0-9]*$"), "Retry-After is a whole number of seconds");
            Assert.That(problem.Detail, Does.Contain($"{retryAfter} seconds"), "the detail says how long to wait");
        }

        return problem;
    }
}
