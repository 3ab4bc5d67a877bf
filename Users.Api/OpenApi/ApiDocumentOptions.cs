namespace Users.Api.OpenApi;

/// <summary>
/// The <c>OpenApi</c> settings: who answers for this deployment's API and under which licence it is offered, as the
/// document's <c>info.contact</c> and <c>info.license</c> say to client writers. The defaults name the project; an
/// operator sets their own team's contact.
/// </summary>
public sealed class ApiDocumentOptions
{
    public const string Section = "OpenApi";

    /// <summary>The person or team to contact about the API.</summary>
    public string ContactName { get; init; } = "";

    /// <summary>Optional: their email address.</summary>
    public string? ContactEmail { get; init; }

    /// <summary>Optional: an absolute http(s) URL of their page (an issue tracker, a support page).</summary>
    public string? ContactUrl { get; init; }

    /// <summary>The licence's name, such as "MIT".</summary>
    public string LicenseName { get; init; } = "";

    /// <summary>Optional: its SPDX identifier, such as "MIT"; OpenAPI allows it or <see cref="LicenseUrl"/>, not both.</summary>
    public string? LicenseIdentifier { get; init; }

    /// <summary>Optional: an absolute http(s) URL of the licence's text.</summary>
    public string? LicenseUrl { get; init; }

    /// <summary>An optional setting's value, or null when it is absent or blank (as an emptied environment variable is).</summary>
    public static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
