using System.Text.Json;
using Users.Api.Jobs;
using Users.Tests.Support;

namespace Users.Tests.Dashboard;

/// <summary>The API document describes the session calls; the dashboard itself is not part of the API.</summary>
public sealed class DashboardOpenApiTests : OpenApiDocumentTest
{
    private static readonly string[] BearerOnly = ["Bearer"];


    private JsonElement Session => Paths.GetProperty(DashboardCalls.SessionPath);

    [Test]
    public void Dashboard_is_not_in_the_document()
    {
        var paths = Paths.EnumerateObject().Select(path => path.Name);

        Assert.That(paths.Where(path => path.StartsWith(JobsDashboard.Path, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Opening_a_session_needs_the_bearer_token_and_sets_the_cookie()
    {
        var open = Session.GetProperty("post");
        var responses = open.GetProperty("responses");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SchemesRequiredBy(open), Is.EqualTo(BearerOnly));
            Assert.That(responses.GetProperty("204").GetProperty("headers").TryGetProperty("Set-Cookie", out _), Is.True);
            Assert.That(IsProblem(responses, "401"), Is.True, "401 as a problem");
            Assert.That(IsProblem(responses, "403"), Is.True, "403 as a problem");
            Assert.That(open.GetProperty("summary").GetString(), Does.Contain("jobs dashboard"));
            Assert.That(open.TryGetProperty("requestBody", out _), Is.False, "no body");
        }
    }

    [Test]
    public void Closing_a_session_needs_no_token_and_clears_the_cookie()
    {
        var close = Session.GetProperty("delete");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SchemesRequiredBy(close), Is.Empty);
            Assert.That(close.GetProperty("responses").GetProperty("204").GetProperty("headers").TryGetProperty("Set-Cookie", out _), Is.True);
        }
    }

    private static List<string> SchemesRequiredBy(JsonElement operation) =>
        operation.TryGetProperty("security", out var requirements)
            ? [.. requirements.EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name))]
            : [];

    private static bool IsProblem(JsonElement responses, string status) =>
        responses.TryGetProperty(status, out var response) &&
        response.TryGetProperty("content", out var content) &&
        content.TryGetProperty("application/problem+json", out _);
}
