using System.Text.RegularExpressions;
using ProfileLayers.Speedscope;

namespace ProfileLayers.Layers;

/// <summary>
/// Tells, for a sampled stack (frame indexes from the root to the leaf): whether the thread was in managed code,
/// whether it was serving a request, which layer the sample belongs to, and the frame it was in.
/// </summary>
public sealed class StackClassifier
{
    // Kestrel's request loop. Work resumed after an await that did not complete at once (a database read, a response
    // sent by the socket transport) starts from the thread pool instead, so it is known by its layers' frames.
    private static readonly Regex RequestLoop = new(
        @"Kestrel\.Core\.Internal\.Http\.HttpProtocol(\+<ProcessRequests>|\.ProcessRequests)", RegexOptions.CultureInvariant);

    private static readonly Regex Worker = new(
        @"!System\.Threading\.PortableThreadPool\+WorkerThread\.WorkerThreadStart", RegexOptions.CultureInvariant);

    // A worker with nothing to do: spinning, then blocked, on the pool's semaphore. The sampler also reports blocked
    // threads as in managed code, so these samples are kept out of the request threads' time.
    private static readonly Regex WaitingForWork = new(
        @"^System\.Threading\.(LowLevelLifoSemaphore\.|PortableThreadPool\+WorkerThread\.WorkerThreadStart$)", RegexOptions.CultureInvariant);

    // EF Core compiles each query's shaper into a lambda and calls it from the query enumerator for every row.
    private static readonly Regex Lambda = new(@"!dynamicClass\.lambda_method", RegexOptions.CultureInvariant);
    private static readonly Regex QueryEnumerator = new(
        @"!Microsoft\.EntityFrameworkCore\.Query\.Internal\.\w*QueryingEnumerable", RegexOptions.CultureInvariant);

    // Where the sampler finds threads rather than what they do: the runtime suspends every thread to walk the stacks,
    // so threads in managed code are caught at GC polls, and unresolved stubs ("?") wrap calls into native code. Left
    // out when naming the method a thread was in.
    private static readonly Regex Stop = new(@"^\?!\?$|!System\.Threading\.Thread\.<PollGC>", RegexOptions.CultureInvariant);

    // Taking a contended lock (or one whose object lost its thin lock): named after the method that takes it.
    private static readonly Regex LockSlowPath = new(
        @"!System\.Threading\.(Monitor\.\w+_Slowpath|Lock\.\w*Slow)", RegexOptions.CultureInvariant);

    private readonly Layer?[] _layer;
    private readonly bool[] _request;
    private readonly bool[] _worker;
    private readonly bool[] _lambda;
    private readonly bool[] _queryEnumerator;
    private readonly bool[] _stop;
    private readonly bool[] _lock;
    private readonly string[] _method;
    private readonly int _managed;

    public StackClassifier(IReadOnlyList<Frame> frames)
    {
        var count = frames.Count;
        _layer = new Layer?[count];
        _request = new bool[count];
        _worker = new bool[count];
        _lambda = new bool[count];
        _queryEnumerator = new bool[count];
        _stop = new bool[count];
        _lock = new bool[count];
        _method = new string[count];
        _managed = -1;
        for (var i = 0; i < count; i++)
        {
            var name = WithoutParameters(frames[i].Name);
            _layer[i] = RequestLayers.All.FirstOrDefault(layer => layer.Frames.IsMatch(name));
            _request[i] = RequestLoop.IsMatch(name);
            _worker[i] = Worker.IsMatch(name);
            _lambda[i] = Lambda.IsMatch(name);
            _queryEnumerator[i] = QueryEnumerator.IsMatch(name);
            _stop[i] = Stop.IsMatch(name);
            _lock[i] = LockSlowPath.IsMatch(name);
            _method[i] = name[(name.IndexOf('!', StringComparison.Ordinal) + 1)..];
            if (name == "CPU_TIME")
            {
                _managed = i;
            }
        }
    }

    /// <summary>The thread was in managed code (running, or ready to run on a busy machine) when sampled.</summary>
    public bool InManagedCode(IReadOnlyList<int> stack) => stack.Count > 0 && stack[^1] == _managed;

    /// <summary>The thread is a thread-pool worker: the threads that serve requests.</summary>
    public bool OnThreadPool(IReadOnlyList<int> stack) => Any(stack, _worker);

    /// <summary>A thread-pool worker waiting for work.</summary>
    public bool WaitsForWork(IReadOnlyList<int> stack) => WaitingForWork.IsMatch(Method(stack));

    /// <summary>Kestrel's request loop is on the stack (not the case for work resumed after an await).</summary>
    public bool InRequestLoop(IReadOnlyList<int> stack) => Any(stack, _request);

    /// <summary>The layer of the deepest frame that has one; null when no frame has.</summary>
    public Layer? LayerOf(IReadOnlyList<int> stack)
    {
        var (layer, depth) = DeepestLayer(stack, stack.Count - 1, null);
        if (layer is null)
        {
            return null;
        }

        // Service resolution for the controller is MVC's activation of it, and JSON written by a logger is logging.
        if (layer == RequestLayers.DependencyInjection || layer == RequestLayers.Json)
        {
            var (caller, _) = DeepestLayer(stack, depth - 1, layer);
            if ((layer == RequestLayers.DependencyInjection && caller == RequestLayers.MvcActivation) ||
                (layer == RequestLayers.Json && caller == RequestLayers.Logging))
            {
                return caller;
            }
        }

        return layer;
    }

    /// <summary>
    /// The method the thread was in: the deepest frame that is not where the sampler stopped it, or, in a lock's slow
    /// path, the method taking the lock.
    /// </summary>
    public string Method(IReadOnlyList<int> stack)
    {
        var locking = false;
        for (var depth = stack.Count - 1; depth >= 0; depth--)
        {
            var frame = stack[depth];
            if (frame == _managed || _stop[frame])
            {
                continue;
            }

            if (_lock[frame])
            {
                locking = true;
                continue;
            }

            return locking ? _method[frame] + " (taking a lock, slow path)" : _method[frame];
        }

        return "?";
    }

    private (Layer? Layer, int Depth) DeepestLayer(IReadOnlyList<int> stack, int from, Layer? skip)
    {
        for (var depth = from; depth >= 0; depth--)
        {
            var frame = stack[depth];
            var layer = _lambda[frame] && depth > 0 && _queryEnumerator[stack[depth - 1]]
                ? RequestLayers.EfMaterialisation
                : _layer[frame];
            if (layer is not null && layer != skip)
            {
                return (layer, depth);
            }
        }

        return (null, -1);
    }

    private static bool Any(IReadOnlyList<int> stack, bool[] flag)
    {
        foreach (var frame in stack)
        {
            if (flag[frame])
            {
                return true;
            }
        }

        return false;
    }

    private static string WithoutParameters(string name)
    {
        // Pseudo-frames such as "(Non-Activities)" start with a parenthesis and keep their name.
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return open <= 0 ? name : name[..open];
    }
}
