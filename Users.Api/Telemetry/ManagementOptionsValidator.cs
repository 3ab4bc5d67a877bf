using Microsoft.Extensions.Options;

namespace Users.Api.Telemetry;

/// <summary>
/// Stops the service at start-up, naming the setting, when the management port is not a port, its address is not one,
/// or it is a port the API listens on: <c>/metrics</c> must never be served to the API's clients.
/// </summary>
public sealed class ManagementOptionsValidator(PublicUrls publicUrls) : IValidateOptions<ManagementOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagementOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{ManagementOptions.Section}:Port ({options.Port}) must be a port from 1 to 65535.");
        }
        else if (publicUrls.Ports().Contains(options.Port))
        {
            failures.Add(
                $"{ManagementOptions.Section}:Port ({options.Port}) is a port the API listens on ({string.Join(";", publicUrls.Urls)}); " +
                "give the management port one of its own.");
        }

        if (options.Url() is null)
        {
            failures.Add($"{ManagementOptions.Section}:Address ('{options.Address}') must be '*', 'localhost' or an IP address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
