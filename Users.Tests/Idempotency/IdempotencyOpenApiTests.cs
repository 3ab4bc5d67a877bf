using System.Text.Json;
using Users.Tests.Support;

namespace Users.Tests.Idempotency;

/// <summary>The OpenAPI document describes the <c>Idempotency-Key</c> header, and what it answers, on every create and only there.</summary>
public sealed class IdempotencyOpenApiTests : OpenApiDocumentTest
{
    private static readonly string[] Creates = ["/api/v1/users", "/api/v1/auth/signup", "/api/v1/users/imports"];

    [TestCaseSource(nameof(Creates))]
    public void Create_takes_an_optional_Idempotency_Key_header_of_at_most_255_characters(string path)
    {
        var key = KeyParameter(Post(path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.GetProperty("in").GetString(), Is.EqualTo("header"));
            Assert.That(key.TryGetProperty("required", out var required) && required.GetBoolean(), Is.False);
            Assert.That(key.GetProperty("schema").GetProperty("type").GetString(), Is.EqualTo("string"));
            Assert.That(key.GetProperty("schema").GetProperty("maxLength").GetInt32(), Is.EqualTo(255));
            Assert.That(key.GetProperty("description").GetString(), Does.Contain("409").And.Contain("422"));
        }
    }

    [TestCaseSource(nameof(Creates))]
    public void Create_documents_409_and_422_as_problems(string path)
    {
        var responses = Post(path).GetProperty("responses");

        using (Assert.EnterMultipleScope())
        {
            foreach (var status in new[] { "409", "422" })
            {
                Assert.That(
                    responses.TryGetProperty(status, out var response) && response.GetProperty("content").TryGetProperty("application/problem+json", out _),
                    Is.True,
                    $"POST {path} does not document {status} as application/problem+json");
            }
        }
    }

    [TestCaseSource(nameof(Creates))]
    public void Create_success_documents_the_replay_header(string path)
    {
        var success = Post(path).GetProperty("responses").EnumerateObject().Single(response => response.Name.StartsWith('2')).Value;

        Assert.That(success.GetProperty("headers").TryGetProperty(IdempotencyCalls.Replayed, out _), Is.True);
    }

    [Test]
    public void Only_the_creates_take_the_key()
    {
        var withKey = Paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Path: path.Name, Operation: operation)))
            .Where(entry => entry.Operation.Value.TryGetProperty("parameters", out var parameters) &&
                parameters.EnumerateArray().Any(parameter => parameter.GetProperty("name").GetString() == IdempotencyCalls.Header))
            .Select(entry => $"{entry.Operation.Name} {entry.Path}");

        Assert.That(withKey, Is.EquivalentTo(Creates.Select(path => $"post {path}")));
    }

    private JsonElement Post(string path) => Paths.GetProperty(path).GetProperty("post");

    private static JsonElement KeyParameter(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().Single(parameter => parameter.GetProperty("name").GetString() == IdempotencyCalls.Header);
}
