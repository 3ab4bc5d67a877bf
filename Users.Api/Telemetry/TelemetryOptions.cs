namespace Users.Api.Telemetry;

/// <summary>The <c>Telemetry</c> settings: whether the service traces and measures itself at all.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Traces (exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set) and metrics (at <c>/metrics</c> on the
    /// management port); <c>false</c> leaves out OpenTelemetry and the management port altogether, e.g. to measure what
    /// they cost.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The share of requests and jobs that start a trace when traces are exported (from 0 to 1; a trace started
    /// elsewhere follows its parent's decision). Each traced request costs CPU; see the README's benchmark figures.
    /// </summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>
    /// The setting as the composition root needs it, before the container exists: a value that is not a boolean counts
    /// as on here, and the options' binding then stops the start-up naming it.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        !bool.TryParse(configuration[$"{Section}:{nameof(Enabled)}"], out var enabled) || enabled;
}
