using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Users.Tests.Security;
using Users.Tests.Support;

namespace Users.Tests.Api;

/// <summary>
/// A client whose <c>Accept</c> names no JSON type still gets the problem it would have got otherwise, as
/// <c>application/problem+json</c>: the API has no other form, and the reason matters more than the media type.
/// </summary>
public sealed class ProblemNegotiationTests : DatabaseTest
{
    private static readonly string[] NonJsonTypes = ["application/xml", "text/html", "text/csv"];

    [TestCaseSource(nameof(NonJsonTypes))]
    public async Task A_missing_user_is_the_same_404_problem_whatever_Accept_says(string accept)
    {
        var path = $"{UsersClient.Path}/{Guid.CreateVersion7()}";

        var (json, other) = await BothWaysAsync(accept, client => client.GetAsync(path));

        Assert.That(other, Is.EqualTo(json));
    }

    [TestCaseSource(nameof(NonJsonTypes))]
    public async Task A_failed_sign_in_is_the_same_401_problem_whatever_Accept_says(string accept)
    {
        var (json, other) = await BothWaysAsync(
            accept, client => client.PostAsJsonAsync(AuthCalls.Token, new { email = "nobody@example.com", password = "not the password" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(other, Is.EqualTo(json));
            Assert.That(other.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [TestCaseSource(nameof(NonJsonTypes))]
    public async Task A_missing_token_is_the_same_401_problem_whatever_Accept_says(string accept)
    {
        var (json, other) = await BothWaysAsync(accept, client => client.GetAsync($"{UsersClient.Path}/me"), signedIn: false);

        Assert.That(other, Is.EqualTo(json));
    }

    [Test]
    public async Task A_problem_for_a_client_that_accepts_no_JSON_is_not_logged_as_an_unhandled_error()
    {
        using var logs = new CapturingLoggerProvider();
        await using var app = new ConfiguredApiFactory(
            new Dictionary<string, string?> { ["ConnectionStrings:Users"] = TestDatabase.ConnectionString }, logger: logs);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/xml");

        using var response = await client.PostAsJsonAsync(AuthCalls.Token, new { email = "nobody@example.com", password = "not the password" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(logs.Logs.Where(log => log.Level >= LogLevel.Error).Select(log => log.Category), Is.Empty);
        }
    }

    /// <summary>The problem as a JSON-accepting client gets it, and as one accepting only <paramref name="accept"/> does.</summary>
    private async Task<(Answer Json, Answer Other)> BothWaysAsync(
        string accept, Func<HttpClient, Task<HttpResponseMessage>> send, bool signedIn = true)
    {
        var client = signedIn ? Client : Anonymous;
        using var json = await send(client);
        var jsonAnswer = await AnswerOfAsync(json);
        client.DefaultRequestHeaders.Accept.ParseAdd(accept);
        using var other = await send(client);
        return (jsonAnswer, await AnswerOfAsync(other));
    }

    private static async Task<Answer> AnswerOfAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, response.StatusCode);
        return new Answer(response.StatusCode, problem.Type, problem.Title, problem.Detail);
    }

    private sealed record Answer(HttpStatusCode Status, string? Type, string? Title, string? Detail);
}
