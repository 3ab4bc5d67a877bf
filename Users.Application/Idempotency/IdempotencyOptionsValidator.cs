using Microsoft.Extensions.Options;

namespace Users.Application.Idempotency;

/// <summary>Stops the service at start-up, naming the setting, when an <c>Idempotency</c> setting is out of range.</summary>
public sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options) =>
        options.KeyLifetime <= TimeSpan.Zero || options.KeyLifetime > IdempotencyOptions.MaxKeyLifetime
            ? ValidateOptionsResult.Fail(
                $"{IdempotencyOptions.Section}:{nameof(options.KeyLifetime)} must be a positive time span of at most " +
                $"{IdempotencyOptions.MaxKeyLifetime.TotalDays} days, e.g. 1.00:00:00, not {options.KeyLifetime}.")
            : ValidateOptionsResult.Success;
}
