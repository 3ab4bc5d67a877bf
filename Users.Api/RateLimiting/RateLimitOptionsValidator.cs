using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Users.Api.RateLimiting;

/// <summary>
/// Stops the service at start-up, naming the setting, when a limit is not a positive count per positive time or the
/// Redis connection is not one.
/// </summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        Check(options.PerClientIp, nameof(options.PerClientIp), failures);
        Check(options.PerEmail, nameof(options.PerEmail), failures);
        if (options.IsShared)
        {
            CheckRedis(options.Redis!, failures);
        }

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

    private static void CheckRedis(string configuration, List<string> failures)
    {
        // The parser's own message may quote the string, password included: say what is wrong without it.
        const string Expected = "must be a StackExchange.Redis configuration string naming a server, e.g. 127.0.0.1:6379, or be left out";
        try
        {
            if (ConfigurationOptions.Parse(configuration).EndPoints.Count == 0)
            {
                failures.Add($"{RateLimitOptions.Section}:{nameof(RateLimitOptions.Redis)} names no server; it {Expected}.");
            }
        }
        catch (ArgumentException)
        {
            failures.Add($"{RateLimitOptions.Section}:{nameof(RateLimitOptions.Redis)} {Expected}.");
        }
    }
}
