using System.Text.Json;

namespace Users.Tests.Support;

/// <summary>Tests of the OpenAPI document a generated client would read: fetched once from the running app per fixture.</summary>
public abstract class OpenApiDocumentTest
{
    public const string DocumentPath = "/openapi/v1.json";

    private JsonDocument _document = null!;

    protected JsonElement Root => _document.RootElement;

    protected JsonElement Paths => Root.GetProperty("paths");

    protected JsonElement Schema(string name) => Root.GetProperty("components").GetProperty("schemas").GetProperty(name);

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
}
