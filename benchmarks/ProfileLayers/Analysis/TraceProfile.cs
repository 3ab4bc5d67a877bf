using System.Text.Json;
using ProfileLayers.Layers;
using ProfileLayers.Speedscope;

namespace ProfileLayers.Analysis;

/// <summary>
/// One trace's samples of threads in managed code, summed: the thread pool's (the threads that serve requests) by
/// layer, the other threads' by kind. A speedscope profile merges consecutive identical samples into one frame opened
/// and closed, so each stretch between two events weighs its length in milliseconds.
/// </summary>
public sealed class TraceProfile
{
    private readonly Dictionary<string, Tally> _layers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tally> _threads = new(StringComparer.Ordinal);

    private TraceProfile()
    {
    }

    /// <summary>Thread-pool samples by layer name (<see cref="RequestLayers.Other"/> for none).</summary>
    public IReadOnlyDictionary<string, Tally> Layers => _layers;

    /// <summary>The other threads' samples by kind (<see cref="ThreadKinds"/>).</summary>
    public IReadOnlyDictionary<string, Tally> Threads => _threads;

    public double Seconds { get; private set; }

    /// <summary>Thread-pool samples of workers waiting for work: not part of <see cref="ThreadPoolMilliseconds"/>.</summary>
    public double IdleMilliseconds { get; private set; }

    public double ThreadPoolMilliseconds => _layers.Values.Sum(tally => tally.Milliseconds);

    /// <summary>Thread-pool samples in a layer with Kestrel's request loop not on the stack (resumed after an await).</summary>
    public double OffLoopMilliseconds { get; private set; }

    public static async Task<TraceProfile> ReadAsync(string path, ThreadCpu threads, CancellationToken cancellationToken)
    {
        SpeedscopeFile file;
        await using (var stream = File.OpenRead(path))
        {
            file = await JsonSerializer.DeserializeAsync(stream, SpeedscopeJsonContext.Default.SpeedscopeFile, cancellationToken)
                ?? throw new InvalidDataException($"{path} holds no speedscope profile.");
        }

        var classifier = new StackClassifier(file.Shared.Frames);
        var trace = new TraceProfile();
        double start = double.MaxValue, end = 0;
        foreach (var profile in file.Profiles)
        {
            var kind = threads.KindOf(profile.Name);
            var stack = new List<int>();
            double? last = null;
            foreach (var sample in profile.Events)
            {
                if (last is { } from && sample.At > from && classifier.InManagedCode(stack))
                {
                    trace.Add(classifier, stack, kind, sample.At - from);
                }

                if (sample.Type == "O")
                {
                    stack.Add(sample.Frame);
                }
                else if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                last = sample.At;
                start = Math.Min(start, sample.At);
                end = Math.Max(end, sample.At);
            }
        }

        trace.Seconds = end > start ? (end - start) / 1000 : 0;
        return trace;
    }

    private void Add(StackClassifier classifier, List<int> stack, string kind, double milliseconds)
    {
        // Deep stacks are cut at the root, so a worker is also known by its name, or, gone before it was named, by
        // the layers on its stack.
        var layer = classifier.LayerOf(stack);
        var worker = kind == ThreadKinds.ThreadPool || classifier.OnThreadPool(stack) || (kind == ThreadKinds.Unknown && layer is not null);
        if (!worker)
        {
            Tally(_threads, kind).Add(classifier.Method(stack), milliseconds);
            return;
        }

        if (layer is null && classifier.WaitsForWork(stack))
        {
            IdleMilliseconds += milliseconds;
            return;
        }

        if (layer is not null && !classifier.InRequestLoop(stack))
        {
            OffLoopMilliseconds += milliseconds;
        }

        Tally(_layers, layer?.Name ?? RequestLayers.Other).Add(classifier.Method(stack), milliseconds);
    }

    private static Tally Tally(Dictionary<string, Tally> tallies, string heading)
    {
        if (!tallies.TryGetValue(heading, out var tally))
        {
            tally = new Tally();
            tallies[heading] = tally;
        }

        return tally;
    }
}
