using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Users.Api.Telemetry;

/// <summary>
/// The sampler of root spans (used under <see cref="ParentBasedSampler"/>, so a span with a parent follows it): a
/// request or a job starts a trace at the configured ratio (<c>Telemetry:TraceSampleRatio</c>), but an outgoing call
/// that nothing around it asked for, such as the queries Hangfire's workers and the outbox dispatcher poll with every
/// few seconds, never does.
/// </summary>
public sealed class UnparentedQuerySampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    private readonly TraceIdRatioBasedSampler _roots;

    public UnparentedQuerySampler(double ratio)
    {
        _roots = new TraceIdRatioBasedSampler(ratio);
        Description = $"{nameof(UnparentedQuerySampler)}{{{ratio}}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : _roots.ShouldSample(samplingParameters);
}
