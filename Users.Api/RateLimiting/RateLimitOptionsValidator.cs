using Microsoft.Extensions.Options;

namespace Users.Api.RateLimiting;

/// <summary>Stops the service at start-up, naming the setting, when a limit is not a positive count per positive time.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        Check(options.PerClientIp, nameof(options.PerClientIp), failures);
        Check(options.PerEmail, nameof(options.PerEmail), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(FixedWindowLimit limit, string name, List<string> failures)
    {
        if (limit.PermitLimit <= 0)
        {
            failures.Add($"{RateLimitOptions.Section}:{name}:PermitLimit must be a positive number of requests.");
        }

        if (limit.Window <= TimeSpan.Zero)
        {
            failures.Add($"{RateLimitOptions.Section}:{name}:Window must be a positive time span, e.g. 00:01:00.");
        }
    }
}
