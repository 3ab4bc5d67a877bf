using Cronos;
using Microsoft.Extensions.Options;
using Users.Application.CleanUp;

namespace Users.Infrastructure.Jobs;

/// <summary>Refuses, at start-up and naming the setting, a <c>CleanUp:Schedule</c> that Hangfire's cron parser would refuse later.</summary>
public sealed class CleanUpScheduleValidator : IValidateOptions<CleanUpOptions>
{
    public ValidateOptionsResult Validate(string? name, CleanUpOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Schedule))
        {
            return ValidateOptionsResult.Skip; // CleanUpOptionsValidator says so.
        }

        try
        {
            CronExpression.Parse(options.Schedule);
            return ValidateOptionsResult.Success;
        }
        catch (CronFormatException exception)
        {
            return ValidateOptionsResult.Fail(
                $"{CleanUpOptions.Section}:{nameof(options.Schedule)} '{options.Schedule}' is not a cron expression (minute hour day month weekday): {exception.Message}");
        }
    }
}
