using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Users.Api.Telemetry;

/// <summary>
/// The sampler of root spans (used under <see cref="ParentBasedSampler"/>, so a span with a parent follows it): a
/// request or a job starts a recorded trace, but an outgoing call that nothing around it asked for, such as the
/// queries Hangfire's workers and the outbox dispatcher poll with every few seconds, is not recorded at all.
/// </summary>
public sealed class UnparentedQuerySampler : Sampler
{
    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public UnparentedQuerySampler() => Description = nameof(UnparentedQuerySampler);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Record;
}
