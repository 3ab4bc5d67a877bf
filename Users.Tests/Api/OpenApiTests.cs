using System.Net;
using System.Text.Json;

namespace Users.Tests.Api;

/// <summary>The OpenAPI document describes the contract clients rely on.</summary>
public sealed class OpenApiTests
{
    private const string DocumentPath = "/openapi/v1.json";
    private const string Collection = "/api/v1/users";
    private const string Item = "/api/v1/users/{id}";

    private static readonly string[] CollectionOperations = ["post", "get"];
    private static readonly string[] ItemOperations = ["get", "patch", "delete"];
    private static readonly string[] ListParameters = ["limit", "cursor", "search", "isActive"];
    private static readonly string[] UserSchemas = ["UserResponse", "UserPage"];

    private JsonDocument _document = null!;

    private JsonElement Paths => _document.RootElement.GetProperty("paths");

    [OneTimeSetUp]
    public async Task ReadDocumentAsync()
    {
        using var client = TestEnvironment.Factory.CreateClient();
        using var response = await client.GetAsync(DocumentPath);
        response.EnsureSuccessStatusCode();
        _document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public void DisposeDocument() => _document.Dispose();

    [Test]
    public async Task Document_is_served_as_json_with_200()
    {
        using var client = TestEnvironment.Factory.CreateClient();

        using var response = await client.GetAsync(DocumentPath);

        var text = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(() => JsonDocument.Parse(text).Dispose(), Throws.Nothing);
        }
    }

    [Test]
    public void Document_describes_the_collection_and_item_operations()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Operations(Collection), Is.SupersetOf(CollectionOperations));
            Assert.That(Operations(Item), Is.SupersetOf(ItemOperations));
        }
    }

    [Test]
    public void List_query_parameters_are_named_limit_cursor_search_and_isActive()
    {
        var parameters = Paths.GetProperty(Collection).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(parameter => parameter.GetProperty("in").GetString() == "query")
            .Select(parameter => parameter.GetProperty("name").GetString());

        Assert.That(parameters, Is.EquivalentTo(ListParameters));
    }

    [TestCase(Collection, "post", "400")]
    [TestCase(Collection, "post", "409")]
    [TestCase(Collection, "post", "413")]
    [TestCase(Collection, "post", "415")]
    [TestCase(Collection, "get", "400")]
    [TestCase(Item, "get", "404")]
    [TestCase(Item, "patch", "400")]
    [TestCase(Item, "patch", "404")]
    [TestCase(Item, "patch", "409")]
    [TestCase(Item, "patch", "412")]
    [TestCase(Item, "patch", "413")]
    [TestCase(Item, "patch", "415")]
    [TestCase(Item, "delete", "404")]
    [TestCase(Item, "delete", "412")]
    public void Error_response_is_documented_as_problem_json(string path, string method, string status)
    {
        var responses = Paths.GetProperty(path).GetProperty(method).GetProperty("responses");

        Assert.That(responses.TryGetProperty(status, out var response), Is.True, $"{method} {path} documents no {status}");
        Assert.That(
            response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _),
            Is.True,
            $"{method} {path} {status} is not documented as application/problem+json");
    }

    [Test]
    public void Schemas_include_UserResponse_and_UserPage()
    {
        var schemas = _document.RootElement.GetProperty("components").GetProperty("schemas")
            .EnumerateObject().Select(schema => schema.Name);

        Assert.That(schemas, Is.SupersetOf(UserSchemas));
    }

    private string[] Operations(string path) =>
        Paths.TryGetProperty(path, out var item) ? [.. item.EnumerateObject().Select(operation => operation.Name)] : [];
}
