using System.Net;
using System.Net.Http.Json;
using System.Text;
using Users.Api.Auth;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>
/// The framework's own refusals (routing, method, media type, authentication, authorization) are RFC 9457 problems with
/// status, title, a detail that says why without naming internals, and the trace id.
/// </summary>
public sealed class ProblemResponseTests : DatabaseTest
{
    private static readonly string[] CollectionMethods = ["GET", "POST"];

    [Test]
    public async Task Unknown_route_is_a_404_problem_with_a_generic_detail()
    {
        using var response = await Client.GetAsync("/api/v1/nothing-here");

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Is.EqualTo("Nothing is at this address; check the path and the id in it."));
            Assert.That(problem.Detail, Does.Not.Contain("UUID").IgnoreCase.And.Not.Contain("User"));
        }
    }

    [Test]
    public async Task Unsupported_method_is_a_405_problem()
    {
        using var response = await Client.DeleteAsync(UsersClient.Path);

        var problem = await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Is.EqualTo("This address does not accept the request's method."));
            Assert.That(response.Content.Headers.Allow, Is.SupersetOf(CollectionMethods), "Allow names the methods it does accept");
        }
    }

    [Test]
    public async Task Body_that_is_not_JSON_is_a_415_problem()
    {
        using var body = new StringContent("email=ada@example.com", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await Client.PostAsync(UsersClient.Path, body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem.Detail, Is.EqualTo("Send the body as application/json."));
    }

    [Test]
    public async Task Request_without_a_token_is_a_401_problem_with_a_Bearer_challenge()
    {
        using var response = await Anonymous.GetAsync(UsersClient.Path);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Is.EqualTo(AuthProblems.NoToken));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        }
    }

    [Test]
    public async Task User_listing_users_is_a_403_problem()
    {
        using var user = await App.SignInAsync();

        using var response = await user.Client.GetAsync(UsersClient.Path);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(problem.Detail, Does.Contain("admins"));
    }

    [Test]
    public async Task User_creating_a_user_is_a_403_problem_and_nothing_is_stored()
    {
        using var user = await App.SignInAsync();

        using var response = await user.Client.PostAsJsonAsync(UsersClient.Path, new { email = "grace@example.com", fullName = "Grace Hopper" });

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        using var stored = await Client.GetAsync($"{UsersClient.Path}?search=grace");
        Assert.That((await stored.ReadAsync<UserPage>()).Items, Is.Empty);
    }

    /// <summary>A problem of this status, with a title, a detail and a trace id, and nothing of the framework's internals.</summary>
    private static async Task<Problem> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, status);
        Assert.That(problem.TraceId, Is.Not.Null.And.Not.Empty, "traceId");
        return problem;
    }
}
