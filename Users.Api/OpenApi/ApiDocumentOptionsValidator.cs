using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Users.Api.OpenApi;

/// <summary>Stops the service at start-up, naming the setting, when the document's contact or licence is not usable.</summary>
public sealed partial class ApiDocumentOptionsValidator : IValidateOptions<ApiDocumentOptions>
{
    private const string Section = ApiDocumentOptions.Section;

    public ValidateOptionsResult Validate(string? name, ApiDocumentOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ContactName))
        {
            failures.Add($"{Section}:{nameof(options.ContactName)} must name the person or team that answers for the API.");
        }

        if (ApiDocumentOptions.Given(options.ContactEmail) is { } email && !IsEmailAddress(email))
        {
            failures.Add($"{Section}:{nameof(options.ContactEmail)} must be an email address, such as api-team@example.com.");
        }

        AbsoluteUrl(nameof(options.ContactUrl), ApiDocumentOptions.Given(options.ContactUrl), failures);
        if (string.IsNullOrWhiteSpace(options.LicenseName))
        {
            failures.Add($"{Section}:{nameof(options.LicenseName)} must name the licence the API is offered under, such as MIT.");
        }

        if (ApiDocumentOptions.Given(options.LicenseIdentifier) is { } identifier && !SpdxExpression().IsMatch(identifier))
        {
            failures.Add($"{Section}:{nameof(options.LicenseIdentifier)} must be an SPDX licence expression, such as MIT or Apache-2.0.");
        }

        AbsoluteUrl(nameof(options.LicenseUrl), ApiDocumentOptions.Given(options.LicenseUrl), failures);
        if (ApiDocumentOptions.Given(options.LicenseIdentifier) is not null && ApiDocumentOptions.Given(options.LicenseUrl) is not null)
        {
            failures.Add(
                $"{Section}:{nameof(options.LicenseIdentifier)} and {Section}:{nameof(options.LicenseUrl)} exclude each other in OpenAPI: set one.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsEmailAddress(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.DisplayName.Length == 0;

    private static void AbsoluteUrl(string setting, string? value, List<string> failures)
    {
        if (value is not null
            && !(Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            failures.Add($"{Section}:{setting} must be an absolute http or https URL.");
        }
    }

    // Licence ids and exceptions joined by AND, OR or WITH, with optional parentheses: SPDX's expression syntax, loosely.
    [GeneratedRegex(@"^[()]*[A-Za-z0-9.+-]+[)]*( (AND|OR|WITH) [()]*[A-Za-z0-9.+-]+[)]*)*$")]
    private static partial Regex SpdxExpression();
}
