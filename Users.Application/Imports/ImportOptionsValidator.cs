using Microsoft.Extensions.Options;

namespace Users.Application.Imports;

/// <summary>Stops the service at start-up, naming the setting, when an <c>Imports</c> setting is out of range.</summary>
public sealed class ImportOptionsValidator : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions options) =>
        options.BatchSize is < 1 or > ImportOptions.MaxBatchSize
            ? ValidateOptionsResult.Fail(
                $"{ImportOptions.Section}:{nameof(options.BatchSize)} must be 1 to {ImportOptions.MaxBatchSize}, not {options.BatchSize}.")
            : ValidateOptionsResult.Success;
}
