using Microsoft.Extensions.Options;

namespace Users.Api.Telemetry;

/// <summary>Stops the service at start-up, naming the setting, when the trace sample ratio is not a share.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options) =>
        options.TraceSampleRatio is >= 0 and <= 1
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{TelemetryOptions.Section}:TraceSampleRatio ({options.TraceSampleRatio}) must be from 0 to 1, e.g. 0.1 for one trace in ten.");
}
