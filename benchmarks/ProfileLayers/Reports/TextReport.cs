using System.Globalization;
using ProfileLayers.Analysis;
using ProfileLayers.Layers;

namespace ProfileLayers.Reports;

/// <summary>One trace: the thread pool's work by layer, then every kind of thread.</summary>
public static class TextReport
{
    private const int OtherMethods = 5;

    public static void Write(TextWriter output, TraceColumn trace, int top)
    {
        var profile = trace.Profile;
        var sampled = profile.ThreadPoolMilliseconds;
        if (trace.CpuKnown)
        {
            output.WriteLine(Invariant(
                $"Thread-pool workers (the request threads): {trace.ThreadPoolCpuMilliseconds:0} ms of CPU (/proc) for {trace.Requests} requests, {trace.PerRequest(trace.ThreadPoolCpuMilliseconds):0.0} µs a request."));
            output.WriteLine(Invariant(
                $"Sampled in managed code: {sampled:0} ms in a {profile.Seconds:0.0} s trace ({trace.PerRequest(sampled):0.0} µs a request, {sampled / trace.ThreadPoolCpuMilliseconds:0.00} times the CPU: a thread waiting for a core is sampled too)."));
        }
        else
        {
            output.WriteLine(Invariant(
                $"Thread-pool workers (the request threads), sampled in managed code: {sampled:0} ms in a {profile.Seconds:0.0} s trace, {trace.Requests} requests, {trace.PerRequest(sampled):0.0} µs a request."));
        }

        output.WriteLine(Invariant(
            $"{TraceColumn.Percent(profile.OffLoopMilliseconds, sampled):0}% of them were of work resumed after an await, off Kestrel's request loop; left out: {profile.IdleMilliseconds:0} ms of workers waiting for work."));
        output.WriteLine(Invariant($"{"layer",-52} {(trace.CpuKnown ? "CPU µs" : ""),8} {"sampled µs",11} {"share",7}"));
        foreach (var row in TraceColumn.Rows)
        {
            output.WriteLine(Invariant(
                $"{row,-52} {(trace.CpuKnown ? trace.PerRequest(row).ToString("0.0", CultureInfo.InvariantCulture) : ""),8} {trace.SampledPerRequest(row),11:0.0} {trace.Share(row),6:0.0}%"));
            if (!profile.Layers.TryGetValue(row, out var tally))
            {
                continue;
            }

            foreach (var (method, milliseconds) in tally.TopMethods(row == RequestLayers.Other ? Math.Max(top, OtherMethods) : top))
            {
                output.WriteLine(Invariant($"    {TraceColumn.Percent(milliseconds, sampled),5:0.0}%  {Shorten(method, 110)}"));
            }
        }

        output.WriteLine();
        output.WriteLine(trace.CpuKnown
            ? "Threads of the process: CPU while the trace ran (/proc), and where the sampler found those in managed code"
            : "Other threads, sampled in managed code");
        output.WriteLine(Invariant($"{"threads",-42} {(trace.CpuKnown ? "CPU µs" : ""),8} {(trace.CpuKnown ? "process" : ""),8} {"sampled µs",11}  mostly in"));
        var cpu = trace.Threads.ByKind;
        foreach (var kind in ThreadKinds.All)
        {
            var milliseconds = cpu.GetValueOrDefault(kind);
            var samples = profile.Threads.GetValueOrDefault(kind);
            if (milliseconds <= 0 && samples is null && kind != ThreadKinds.ThreadPool)
            {
                continue;
            }

            var where = samples?.TopMethods(1).Select(method =>
                Invariant($"{TraceColumn.Percent(method.Value, samples.Milliseconds):0}% {Shorten(method.Key, 80)}")).FirstOrDefault() ?? "";
            var sampledPerRequest = kind == ThreadKinds.ThreadPool ? trace.PerRequest(sampled) : trace.PerRequest(samples?.Milliseconds ?? 0);
            output.WriteLine(trace.CpuKnown
                ? Invariant($"{kind,-42} {trace.PerRequest(milliseconds),8:0.0} {TraceColumn.Percent(milliseconds, trace.Threads.Milliseconds),7:0}% {sampledPerRequest,11:0.0}  {where}")
                : Invariant($"{kind,-42} {"",8} {"",8} {sampledPerRequest,11:0.0}  {where}"));
        }

        if (trace.CpuKnown)
        {
            output.WriteLine(Invariant($"{"process (all threads)",-42} {trace.PerRequest(trace.Threads.Milliseconds),8:0.0} {100,7}%"));
        }
    }

    private static string Shorten(string method, int length) => method.Length <= length ? method : string.Concat(method.AsSpan(0, length - 1), "…");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
