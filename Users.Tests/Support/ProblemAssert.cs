using System.Net;

namespace Users.Tests.Support;

/// <summary>What every error response must be: an RFC 9457 problem with status, title and detail.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts the response is a problem of this status (and, if given, names the field in errors).</summary>
    public static async Task<Problem> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? errorKey = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        var problem = await response.ReadAsync<Problem>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.Status, Is.EqualTo((int)status));
            Assert.That(problem.Title, Is.Not.Null.And.Not.Empty);
            Assert.That(problem.Detail, Is.Not.Null.And.Not.Empty, body);
            Assert.That(body, Does.Not.Contain("Exception").And.Not.Contain("   at "), "no internals in a problem");
            if (errorKey is not null)
            {
                Assert.That(problem.Errors, Does.ContainKey(errorKey), body);
            }
        }

        return problem;
    }
}
