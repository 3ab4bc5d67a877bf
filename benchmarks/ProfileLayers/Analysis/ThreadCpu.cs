using System.Globalization;

namespace ProfileLayers.Analysis;

/// <summary>
/// The CPU each thread of the process used while the trace ran, from a file of "tid cpu-milliseconds name" lines
/// (profile.sh writes them from /proc/&lt;pid&gt;/task/*/stat and comm); speedscope profiles only name a thread
/// "Thread (tid)", and the sampler sees neither native threads (the GC's) nor time in the kernel.
/// </summary>
public sealed class ThreadCpu
{
    private readonly Dictionary<int, (double Milliseconds, string Name)> _threads;

    private ThreadCpu(Dictionary<int, (double, string)> threads)
    {
        _threads = threads;
        ByKind = _threads.Values
            .GroupBy(thread => ThreadKinds.Of(thread.Name))
            .ToDictionary(kind => kind.Key, kind => kind.Sum(thread => thread.Milliseconds));
        Milliseconds = _threads.Values.Sum(thread => thread.Milliseconds);
    }

    public static ThreadCpu None { get; } = new([]);

    public bool Known => _threads.Count > 0;

    /// <summary>CPU milliseconds by kind of thread (<see cref="ThreadKinds"/>).</summary>
    public IReadOnlyDictionary<string, double> ByKind { get; }

    public double Milliseconds { get; }

    public static ThreadCpu Read(string path)
    {
        var threads = new Dictionary<int, (double, string)>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ', 3, StringSplitOptions.TrimEntries);
            if (parts.Length == 3 &&
                int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) &&
                double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
            {
                threads[id] = (milliseconds, parts[2]);
            }
        }

        return new ThreadCpu(threads);
    }

    /// <summary>The kind of thread of a profile named "Thread (tid)".</summary>
    public string KindOf(string profileName)
    {
        var open = profileName.IndexOf('(', StringComparison.Ordinal);
        var close = profileName.IndexOf(')', StringComparison.Ordinal);
        return open >= 0 && close > open &&
               int.TryParse(profileName.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) &&
               _threads.TryGetValue(id, out var thread)
            ? ThreadKinds.Of(thread.Name)
            : ThreadKinds.Unknown;
    }
}
