using System.Text.Json;
using Users.Tests.Support;

namespace Users.Tests.OpenApi;

/// <summary>The <c>OpenApi</c> settings become the document's contact and licence; unusable ones stop the service at start-up.</summary>
[NonParallelizable]
public sealed class ApiDocumentSettingsTests
{
    [TestCase("OpenApi:ContactName", "  ")]
    [TestCase("OpenApi:ContactEmail", "api team")]
    [TestCase("OpenApi:ContactEmail", "API Team <api@example.com>")]
    [TestCase("OpenApi:ContactUrl", "/support")]
    [TestCase("OpenApi:ContactUrl", "ftp://example.com/support")]
    [TestCase("OpenApi:LicenseName", "")]
    [TestCase("OpenApi:LicenseIdentifier", "MIT License")]
    [TestCase("OpenApi:LicenseUrl", "LICENSE")]
    public async Task App_does_not_start_with_an_unusable_document_setting(string setting, string value)
    {
        await using var factory = App(new() { [setting] = value });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying(setting);
    }

    [Test]
    public async Task A_licence_with_both_an_identifier_and_a_url_is_refused()
    {
        await using var factory = App(new() { ["OpenApi:LicenseUrl"] = "https://opensource.org/license/mit" });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("OpenApi:LicenseIdentifier", "OpenApi:LicenseUrl", "exclude each other");
    }

    [Test]
    public async Task An_operators_contact_and_licence_are_the_documents()
    {
        await using var factory = App(new()
        {
            ["OpenApi:ContactName"] = "Identity team",
            ["OpenApi:ContactEmail"] = "identity@example.com",
            ["OpenApi:ContactUrl"] = "https://example.com/identity",
            ["OpenApi:LicenseName"] = "Proprietary",
            ["OpenApi:LicenseIdentifier"] = null,
            ["OpenApi:LicenseUrl"] = "https://example.com/terms",
        });
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(OpenApiDocumentTest.DocumentPath));

        var contact = document.RootElement.GetProperty("info").GetProperty("contact");
        var license = document.RootElement.GetProperty("info").GetProperty("license");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(contact.GetProperty("name").GetString(), Is.EqualTo("Identity team"));
            Assert.That(contact.GetProperty("email").GetString(), Is.EqualTo("identity@example.com"));
            Assert.That(contact.GetProperty("url").GetString(), Is.EqualTo("https://example.com/identity"));
            Assert.That(license.GetProperty("name").GetString(), Is.EqualTo("Proprietary"));
            Assert.That(license.GetProperty("url").GetString(), Is.EqualTo("https://example.com/terms"));
            Assert.That(license.TryGetProperty("identifier", out _), Is.False);
        }
    }

    private static ConfiguredApiFactory App(Dictionary<string, string?> document) => ConfiguredApiFactory.OnTestDatabase(document);
}
