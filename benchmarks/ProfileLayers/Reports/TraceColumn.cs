using ProfileLayers.Analysis;
using ProfileLayers.Layers;

namespace ProfileLayers.Reports;

/// <summary>
/// One trace made into microseconds a request. With the threads' CPU known, a layer's CPU is its share of the
/// thread-pool samples times the thread pool's CPU: the sampler counts a thread in managed code whether it runs or waits
/// for a core, so on a busy machine its time says how the work divides, not how long it took.
/// </summary>
public sealed record TraceColumn(string Label, TraceProfile Profile, long Requests, ThreadCpu Threads)
{
    public bool CpuKnown => Threads.Known && ThreadPoolCpuMilliseconds > 0;

    public double ThreadPoolCpuMilliseconds => Threads.ByKind.GetValueOrDefault(ThreadKinds.ThreadPool);

    public double Milliseconds(string layer) => Profile.Layers.TryGetValue(layer, out var tally) ? tally.Milliseconds : 0;

    public double Share(string layer) => Percent(Milliseconds(layer), Profile.ThreadPoolMilliseconds);

    /// <summary>CPU µs a request when the threads' CPU is known, sampled µs a request otherwise.</summary>
    public double PerRequest(string layer) => CpuKnown
        ? PerRequest(ThreadPoolCpuMilliseconds * Share(layer) / 100)
        : SampledPerRequest(layer);

    public double SampledPerRequest(string layer) => PerRequest(Milliseconds(layer));

    public double PerRequest(double milliseconds) => Requests > 0 ? milliseconds * 1000 / Requests : 0;

    public static double Percent(double part, double whole) => whole > 0 ? 100 * part / whole : 0;

    public static IReadOnlyList<string> Rows => RequestLayers.Rows;
}
