using System.Net;
using System.Text.Json;
using Users.Application.Users;

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
    private static readonly string[] CreateRequired = ["email", "fullName"];

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

    [TestCase(Collection, "post", "201", "ETag")]
    [TestCase(Collection, "post", "201", "Location")]
    [TestCase(Item, "get", "200", "ETag")]
    [TestCase(Item, "patch", "200", "ETag")]
    [TestCase(Item, "get", "503", "Retry-After")]
    [TestCase(Collection, "get", "503", "Retry-After")]
    public void Response_documents_the_headers_it_carries(string path, string method, string status, string header)
    {
        var response = Paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);

        Assert.That(
            response.TryGetProperty("headers", out var headers) && headers.TryGetProperty(header, out _),
            Is.True,
            $"{method} {path} {status} does not document {header}");
    }

    [TestCase("patch")]
    [TestCase("delete")]
    public void If_match_is_a_documented_optional_header_parameter(string method)
    {
        var ifMatch = Paths.GetProperty(Item).GetProperty(method).GetProperty("parameters").EnumerateArray()
            .Single(parameter => parameter.GetProperty("name").GetString() == "If-Match");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ifMatch.GetProperty("in").GetString(), Is.EqualTo("header"));
            Assert.That(ifMatch.TryGetProperty("required", out var required) && required.GetBoolean(), Is.False);
            Assert.That(ifMatch.GetProperty("description").GetString(), Does.Contain("412"));
        }
    }

    [Test]
    public void Create_schema_requires_non_null_email_and_full_name_and_refuses_other_fields()
    {
        var schema = Schema("CreateUserRequest");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schema.GetProperty("required").EnumerateArray().Select(name => name.GetString()), Is.EquivalentTo(CreateRequired));
            Assert.That(schema.GetProperty("properties").GetProperty("email").GetProperty("type").GetString(), Is.EqualTo("string"));
            Assert.That(schema.GetProperty("properties").GetProperty("email").GetProperty("maxLength").GetInt32(), Is.EqualTo(254));
            Assert.That(schema.GetProperty("properties").GetProperty("fullName").GetProperty("type").GetString(), Is.EqualTo("string"));
            Assert.That(schema.GetProperty("additionalProperties").GetBoolean(), Is.False);
        }
    }

    [Test]
    public void Limit_is_a_plain_integer_from_1_to_100()
    {
        var limit = Paths.GetProperty(Collection).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(parameter => parameter.GetProperty("name").GetString() == "limit").GetProperty("schema");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(limit.GetProperty("type").ValueKind, Is.EqualTo(JsonValueKind.String), "one type, not integer-or-string");
            Assert.That(limit.GetProperty("type").GetString(), Is.EqualTo("integer"));
            Assert.That(limit.GetProperty("minimum").GetInt32(), Is.EqualTo(1));
            Assert.That(limit.GetProperty("maximum").GetInt32(), Is.EqualTo(100));
        }
    }

    [Test]
    public void Search_is_a_string_of_3_to_200_characters_holding_3_letters_or_digits_in_a_row()
    {
        var search = Paths.GetProperty(Collection).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(parameter => parameter.GetProperty("name").GetString() == "search").GetProperty("schema");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(search.GetProperty("type").GetString(), Is.EqualTo("string"));
            Assert.That(search.GetProperty("minLength").GetInt32(), Is.EqualTo(ListUsersQuery.SearchMinRun));
            Assert.That(search.GetProperty("maxLength").GetInt32(), Is.EqualTo(ListUsersQuery.SearchMaxLength));
            Assert.That(search.GetProperty("pattern").GetString(), Is.EqualTo(ListUsersQuery.SearchPattern), "the pattern RequestPatternTests holds to the validator");
        }
    }

    private JsonElement Schema(string name) => _document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private string[] Operations(string path) =>
        Paths.TryGetProperty(path, out var item) ? [.. item.EnumerateObject().Select(operation => operation.Name)] : [];
}
