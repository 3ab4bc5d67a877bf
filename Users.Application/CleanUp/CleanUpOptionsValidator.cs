using Microsoft.Extensions.Options;

namespace Users.Application.CleanUp;

/// <summary>Stops the service at start-up, naming the setting, when a <c>CleanUp</c> setting is out of range.</summary>
public sealed class CleanUpOptionsValidator : IValidateOptions<CleanUpOptions>
{
    public ValidateOptionsResult Validate(string? name, CleanUpOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Schedule))
        {
            failures.Add($"{CleanUpOptions.Section}:{nameof(options.Schedule)} must be a cron expression, e.g. */15 * * * *.");
        }

        if (options.ImportRetention <= TimeSpan.Zero)
        {
            failures.Add($"{CleanUpOptions.Section}:{nameof(options.ImportRetention)} must be a positive time span, e.g. 7.00:00:00.");
        }

        if (options.OutboxRetention <= TimeSpan.Zero)
        {
            failures.Add($"{CleanUpOptions.Section}:{nameof(options.OutboxRetention)} must be a positive time span, e.g. 7.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
