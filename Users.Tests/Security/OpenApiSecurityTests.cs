using System.Text.Json;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>
/// The OpenAPI document tells generated clients where the bearer token goes (the users resource, and only there), which
/// refusals to expect, and the roles a user may have.
/// </summary>
public sealed class OpenApiSecurityTests : OpenApiDocumentTest
{
    private const string UsersPrefix = "/api/v1/users";

    private static readonly string[] Roles = ["user", "admin"];
    private static readonly string[] BearerOnly = ["Bearer"];


    [Test]
    public void Bearer_scheme_is_HTTP_bearer_with_JWTs()
    {
        var bearer = Root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bearer.GetProperty("type").GetString(), Is.EqualTo("http"));
            Assert.That(bearer.GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
            Assert.That(bearer.GetProperty("bearerFormat").GetString(), Is.EqualTo("JWT"));
        }
    }

    [Test]
    public void Every_users_operation_requires_the_Bearer_scheme()
    {
        var operations = Operations(path => path.StartsWith(UsersPrefix, StringComparison.Ordinal)).ToList();

        Assert.That(operations, Has.Count.GreaterThanOrEqualTo(8), "the users operations");
        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, operation) in operations)
            {
                Assert.That(SchemesRequiredBy(operation), Is.EqualTo(BearerOnly), name);
            }
        }
    }

    [Test]
    public void Every_users_operation_documents_401_as_a_problem()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, operation) in Operations(path => path.StartsWith(UsersPrefix, StringComparison.Ordinal)))
            {
                Assert.That(IsProblemResponse(operation, "401"), Is.True, $"{name} documents no 401 problem");
            }
        }
    }

    [Test]
    public void Auth_and_JWKS_operations_need_no_token()
    {
        // Opening a jobs dashboard session is for admins (Dashboard/DashboardOpenApiTests); closing one needs no token.
        var operations = Operations(path => path.StartsWith("/api/v1/auth/", StringComparison.Ordinal) || path == "/.well-known/jwks.json")
            .Where(operation => operation.Name != "POST /api/v1/auth/jobs-session")
            .ToList();

        Assert.That(operations, Has.Count.EqualTo(9), "signup, token, refresh, logout, verify-email, forgot-password, reset-password, closing a jobs session and the JWKS");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Root.TryGetProperty("security", out _), Is.False, "a requirement for the whole document");
            foreach (var (name, operation) in operations)
            {
                Assert.That(SchemesRequiredBy(operation), Is.Empty, name);
            }
        }
    }

    [TestCase("/api/v1/auth/token")]
    [TestCase("/api/v1/auth/signup")]
    [TestCase("/api/v1/auth/refresh")]
    public void Credential_endpoints_document_429_with_Retry_After(string path)
    {
        var operation = Paths.GetProperty(path).GetProperty("post");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(IsProblemResponse(operation, "429"), Is.True, "429 as a problem");
            Assert.That(
                operation.GetProperty("responses").GetProperty("429").TryGetProperty("headers", out var headers) &&
                headers.TryGetProperty("Retry-After", out _),
                Is.True,
                "Retry-After");
        }
    }

    [TestCase(UsersPrefix, "get")]
    [TestCase(UsersPrefix, "post")]
    [TestCase(UsersPrefix + "/{id}", "delete")]
    public void Admin_only_operations_document_403(string path, string method)
    {
        var operation = Paths.GetProperty(path).GetProperty(method);

        Assert.That(IsProblemResponse(operation, "403"), Is.True);
    }

    [Test]
    public void UserResponse_role_is_user_or_admin()
    {
        var role = Resolve(Root.GetProperty("components").GetProperty("schemas").GetProperty("UserResponse").GetProperty("properties").GetProperty("role"));

        var values = role.GetProperty("enum").EnumerateArray().Select(value => value.GetString());

        Assert.That(values, Is.EqualTo(Roles));
    }

    /// <summary>The operations under the paths that match, named "METHOD path".</summary>
    private IEnumerable<(string Name, JsonElement Operation)> Operations(Func<string, bool> paths) =>
        Paths.EnumerateObject()
            .Where(path => paths(path.Name))
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)));

    /// <summary>The names of the security schemes the operation's requirements name, in order.</summary>
    private static List<string> SchemesRequiredBy(JsonElement operation) =>
        operation.TryGetProperty("security", out var requirements)
            ? [.. requirements.EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name))]
            : [];

    private static bool IsProblemResponse(JsonElement operation, string status) =>
        operation.GetProperty("responses").TryGetProperty(status, out var response) &&
        response.TryGetProperty("content", out var content) &&
        content.TryGetProperty("application/problem+json", out _);

    /// <summary>The schema itself, following a <c>$ref</c> into the components.</summary>
    private JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? Resolve(Root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]))
            : schema;
}
