using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Users.Infrastructure.Mail;

/// <summary>
/// Stops the service at start-up, naming the setting, when a <c>Mail</c> setting is missing or unusable. No message
/// repeats <see cref="MailOptions.Password"/>.
/// </summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    private const string Prefix = MailOptions.Section + ":";

    /// <summary>Past this a stuck server holds a job worker for longer than any retry schedule would wait.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    private static readonly SecureSocketOptions[] SecurityModes =
        [SecureSocketOptions.None, SecureSocketOptions.StartTls, SecureSocketOptions.SslOnConnect, SecureSocketOptions.Auto];

    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add($"{Prefix}{nameof(options.Host)} is not set: name the SMTP server, e.g. smtp.example.com.");
        }
        else if (Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            failures.Add($"{Prefix}{nameof(options.Host)} is not a host name or an IP address (it is '{options.Host}').");
        }

        if (options.Port is not (>= 1 and <= 65535))
        {
            failures.Add($"{Prefix}{nameof(options.Port)} must be a port from 1 to 65535 (it is {options.Port?.ToString() ?? "not set"}).");
        }

        if (!SecurityModes.Contains(options.Security))
        {
            failures.Add($"{Prefix}{nameof(options.Security)} must be one of {string.Join(", ", SecurityModes)} (it is {options.Security}).");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{Prefix}{nameof(options.UserName)} and {Prefix}{nameof(options.Password)} go together: give both or neither.");
        }

        if (string.IsNullOrWhiteSpace(options.SenderAddress))
        {
            failures.Add($"{Prefix}{nameof(options.SenderAddress)} is not set: give the From address, e.g. noreply@example.com.");
        }
        else if (SenderMailbox.TryParse(options.SenderAddress) is null)
        {
            failures.Add($"{Prefix}{nameof(options.SenderAddress)} is not an address like noreply@example.com (it is '{options.SenderAddress}').");
        }

        if (options.SenderName?.Any(char.IsControl) is true)
        {
            failures.Add($"{Prefix}{nameof(options.SenderName)} must not hold control characters.");
        }

        if (PublicBaseUrlProblem(options.PublicBaseUrl) is { } problem)
        {
            failures.Add($"{Prefix}{nameof(options.PublicBaseUrl)} {problem}");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            failures.Add($"{Prefix}{nameof(options.Timeout)} must be more than zero and at most {MaxTimeout} (it is {options.Timeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? PublicBaseUrlProblem(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is not set: give the service's address as its users reach it, e.g. https://users.example.com.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return $"must be an absolute http or https URL, e.g. https://users.example.com (it is '{url}').";
        }

        return uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0
            ? $"must have no user name, query or fragment: links are made by adding a path to it (it is '{url}')."
            : null;
    }
}
