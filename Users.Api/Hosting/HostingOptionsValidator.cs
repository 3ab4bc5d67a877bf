using Microsoft.Extensions.Options;

namespace Users.Api.Hosting;

/// <summary>Stops the service at start-up, naming the setting, when a <c>Hosting</c> time is out of range.</summary>
public sealed class HostingOptionsValidator : IValidateOptions<HostingOptions>
{
    public static readonly TimeSpan MaxDrainTime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxShutdownTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxImportRequestTimeout = TimeSpan.FromHours(1);

    private const string Section = HostingOptions.Section;

    public ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        var failures = new List<string>();
        if (options.DrainTime < TimeSpan.Zero || options.DrainTime > MaxDrainTime)
        {
            failures.Add($"{Section}:{nameof(options.DrainTime)} must be from 00:00:00 (no drain) to {MaxDrainTime:c}.");
        }

        Positive(nameof(options.ShutdownTimeout), options.ShutdownTimeout, MaxShutdownTimeout, failures);
        Positive(nameof(options.RequestTimeout), options.RequestTimeout, MaxRequestTimeout, failures);
        Positive(nameof(options.ImportRequestTimeout), options.ImportRequestTimeout, MaxImportRequestTimeout, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(string setting, TimeSpan value, TimeSpan max, List<string> failures)
    {
        if (value <= TimeSpan.Zero || value > max)
        {
            failures.Add($"{Section}:{setting} must be more than 00:00:00 and at most {max:c}.");
        }
    }
}
