using System.Text.Json;
using Users.Tests.Support;

namespace Users.Tests.Imports;

/// <summary>The OpenAPI document describes the imports as they behave: a CSV body, a 202 with its Location, the report, the problems.</summary>
public sealed class ImportOpenApiTests : OpenApiDocumentTest
{
    private const string Collection = "/api/v1/users/imports";
    private const string Item = "/api/v1/users/imports/{id}";

    private static readonly string[] CsvOnly = ["text/csv"];
    private static readonly string[] States = ["queued", "running", "succeeded", "failed"];
    private static readonly string[] ReportFields =
        ["id", "state", "rowsRead", "created", "skipped", "failed", "failures", "startedAt", "finishedAt"];
    private static readonly string[] FailureFields = ["row", "field", "reason"];


    [Test]
    public void Import_takes_a_required_text_csv_body_only()
    {
        var body = Paths.GetProperty(Collection).GetProperty("post").GetProperty("requestBody");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.GetProperty("required").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("content").EnumerateObject().Select(type => type.Name), Is.EqualTo(CsvOnly));
            Assert.That(body.GetProperty("description").GetString(), Does.Contain("email").And.Contain("fullName").And.Contain("100 MiB"));
        }
    }

    [Test]
    public void Import_answers_202_with_a_location_and_the_report()
    {
        var accepted = Paths.GetProperty(Collection).GetProperty("post").GetProperty("responses").GetProperty("202");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted.GetProperty("headers").TryGetProperty("Location", out _), Is.True);
            Assert.That(ReportReference(accepted), Is.EqualTo("#/components/schemas/ImportReport"));
        }
    }

    [TestCase(Collection, "post", "400")]
    [TestCase(Collection, "post", "401")]
    [TestCase(Collection, "post", "403")]
    [TestCase(Collection, "post", "413")]
    [TestCase(Collection, "post", "415")]
    [TestCase(Item, "get", "401")]
    [TestCase(Item, "get", "403")]
    [TestCase(Item, "get", "404")]
    public void Error_response_is_documented_as_problem_json(string path, string method, string status)
    {
        var responses = Paths.GetProperty(path).GetProperty(method).GetProperty("responses");

        Assert.That(
            responses.TryGetProperty(status, out var response) && response.GetProperty("content").TryGetProperty("application/problem+json", out _),
            Is.True,
            $"{method} {path} does not document {status} as application/problem+json");
    }

    [Test]
    public void Report_is_read_with_200_and_its_schema_requires_every_field()
    {
        var ok = Paths.GetProperty(Item).GetProperty("get").GetProperty("responses").GetProperty("200");
        var report = Schema("ImportReport");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReportReference(ok), Is.EqualTo("#/components/schemas/ImportReport"));
            Assert.That(report.GetProperty("required").EnumerateArray().Select(name => name.GetString()), Is.EquivalentTo(ReportFields));
            Assert.That(Schema("ImportRowFailure").GetProperty("required").EnumerateArray().Select(name => name.GetString()), Is.EquivalentTo(FailureFields));
            Assert.That(Schema("ImportState").GetProperty("type").GetString(), Is.EqualTo("string"));
            Assert.That(Schema("ImportState").GetProperty("enum").EnumerateArray().Select(state => state.GetString()), Is.EqualTo(States));
        }
    }

    [Test]
    public void Both_operations_need_a_bearer_token()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Paths.GetProperty(Collection).GetProperty("post").TryGetProperty("security", out _), Is.True);
            Assert.That(Paths.GetProperty(Item).GetProperty("get").TryGetProperty("security", out _), Is.True);
        }
    }

    private static string? ReportReference(JsonElement response) =>
        response.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();

}
