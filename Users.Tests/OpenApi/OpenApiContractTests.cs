using System.Text.Json;
using Users.Api.OpenApi;
using Users.Tests.Support;

namespace Users.Tests.OpenApi;

/// <summary>What strict client generators need of the document: operation ids, server URLs, problem extensions, defaults.</summary>
public sealed class OpenApiContractTests : OpenApiDocumentTest
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Test]
    public void Every_operation_has_a_unique_operation_id()
    {
        var ids = Operations().Select(operation => operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids, Has.None.Null.And.None.Empty, "every operation has one");
            Assert.That(ids, Is.Unique);
        }
    }

    [Test]
    public void Creating_a_user_is_named_Users_Create()
    {
        var create = Paths.GetProperty("/api/v1/users").GetProperty("post");

        Assert.That(create.GetProperty("operationId").GetString(), Is.EqualTo("Users_Create"));
    }

    [Test]
    public void Server_urls_do_not_end_in_a_slash()
    {
        var urls = Root.GetProperty("servers").EnumerateArray().Select(server => server.GetProperty("url").GetString()).ToList();

        Assert.That(urls, Is.Not.Empty.And.All.Not.EndsWith("/"));
    }

    [TestCase("ProblemDetails")]
    [TestCase("HttpValidationProblemDetails")]
    public void Problem_schemas_carry_traceId_and_allow_extension_members(string name)
    {
        var problem = Schema(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.GetProperty("properties").TryGetProperty("traceId", out _), Is.True);
            Assert.That(
                problem.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False,
                Is.False,
                "extension members are not forbidden");
        }
    }

    [Test]
    public void The_list_limit_says_its_default()
    {
        var limit = Paths.GetProperty("/api/v1/users").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(parameter => parameter.GetProperty("name").GetString() == "limit");

        Assert.That(limit.GetProperty("schema").GetProperty("default").GetInt32(), Is.EqualTo(20));
    }

    [Test]
    public void Every_operation_says_its_security_even_when_it_needs_none()
    {
        var signUp = Paths.GetProperty("/api/v1/auth/signup").GetProperty("post").GetProperty("security");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Operations().Where(operation => !operation.TryGetProperty("security", out _)), Is.Empty);
            Assert.That(signUp.EnumerateArray().Select(requirement => requirement.EnumerateObject().Count()), Is.EqualTo((int[])[0]));
        }
    }

    [Test]
    public void Every_operation_and_tag_is_described()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Operations().Where(operation => string.IsNullOrWhiteSpace(Text(operation, "description"))), Is.Empty);
            Assert.That(Root.GetProperty("tags").EnumerateArray().Where(tag => string.IsNullOrWhiteSpace(Text(tag, "description"))), Is.Empty);
        }
    }

    [TestCase("CreateUserRequest")]
    [TestCase("SignUpRequest")]
    [TestCase("UpdateUserRequest")]
    public void Request_schemas_carry_the_validators_field_rules_and_an_example(string name)
    {
        var schema = Schema(name);
        var fullName = schema.GetProperty("properties").GetProperty("fullName");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(schema.GetProperty("properties").GetProperty("email"), "format"), Is.EqualTo("email"));
            Assert.That(Text(fullName, "pattern"), Is.EqualTo(RequestRulesSchemaTransformer.NotBlankPlainTextPattern));
            Assert.That(schema.GetProperty("examples").GetArrayLength(), Is.EqualTo(1));
        }
    }

    [TestCase("UpdateUserRequest")]
    [TestCase("UpdateMeRequest")]
    public void A_change_must_give_at_least_one_field_a_value(string name)
    {
        var schema = Schema(name);
        var fields = schema.GetProperty("properties").EnumerateObject().Select(field => field.Name);
        var branches = schema.GetProperty("anyOf").EnumerateArray()
            .Select(branch => branch.GetProperty("required").EnumerateArray().Single().GetString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schema.GetProperty("minProperties").GetInt32(), Is.EqualTo(1));
            Assert.That(branches, Is.EquivalentTo(fields), "one anyOf branch per field: that field present and not null");
        }
    }

    [Test]
    public void Every_query_parameter_is_described()
    {
        var undescribed = Operations()
            .SelectMany(operation => operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(parameter => Text(parameter, "in") == "query" && string.IsNullOrWhiteSpace(Text(parameter, "description")))
            .Select(parameter => Text(parameter, "name"));

        Assert.That(undescribed, Is.Empty);
    }

    [Test]
    public void Every_operation_lists_the_servers_own_refusals()
    {
        var responses = Operations().Select(operation => operation.GetProperty("responses")).ToList();
        var limits = Root.GetProperty("components").GetProperty("responses");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(responses.Select(Statuses), Has.All.Contains("414").And.All.Contains("431"));
            Assert.That(Text(responses[0].GetProperty("414"), "$ref"), Is.EqualTo($"#/components/responses/{ServerRefusalsTransformer.UriTooLong}"));
            Assert.That(Text(limits.GetProperty(ServerRefusalsTransformer.UriTooLong), "description"), Does.Contain("8192 bytes"));
            Assert.That(Text(limits.GetProperty(ServerRefusalsTransformer.HeadersTooLarge), "description"), Does.Contain("32768 bytes"));
            Assert.That(responses.Select(Statuses), Has.All.Contains("400"), "the HTTP server's 400, where an operation has none of its own");
            Assert.That(
                Text(Paths.GetProperty("/.well-known/jwks.json").GetProperty("get").GetProperty("responses").GetProperty("400"), "$ref"),
                Is.EqualTo($"#/components/responses/{ServerRefusalsTransformer.Malformed}"));
            Assert.That(
                Paths.GetProperty("/api/v1/users").GetProperty("post").GetProperty("responses").GetProperty("400").TryGetProperty("content", out _),
                Is.True,
                "an operation's own 400 stays its problem");
        }
    }

    [Test]
    public void The_document_names_a_contact_and_the_projects_licence()
    {
        var info = Root.GetProperty("info");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(info.GetProperty("contact"), "name"), Is.EqualTo("Users service maintainers"));
            Assert.That(Text(info.GetProperty("license"), "name"), Is.EqualTo("MIT"));
            Assert.That(Text(info.GetProperty("license"), "identifier"), Is.EqualTo("MIT"));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static List<string> Statuses(JsonElement responses) => responses.EnumerateObject().Select(status => status.Name).ToList();

    private IEnumerable<JsonElement> Operations() =>
        Paths.EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(member => Methods.Contains(member.Name))
            .Select(member => member.Value));
}
