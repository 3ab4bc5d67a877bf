namespace ProfileLayers.Analysis;

/// <summary>Kinds of threads, from the names the runtime and libraries give them (15 characters at most on Linux).</summary>
public static class ThreadKinds
{
    public const string ThreadPool = "thread-pool workers (serve the requests)";
    public const string Gc = "GC threads";
    public const string ConsoleLogger = "console logger thread";
    public const string Sockets = "sockets engine thread (epoll)";
    public const string TieredCompilation = "tiered compilation";
    public const string Finalizer = "finalizer";
    public const string EventPipe = "EventPipe (the trace itself)";
    public const string Others = "other threads (timers, main, ...)";
    public const string Unknown = "threads gone before they were named";

    /// <summary>The order kinds are printed in.</summary>
    public static readonly IReadOnlyList<string> All =
        [ThreadPool, Gc, ConsoleLogger, Sockets, TieredCompilation, Finalizer, EventPipe, Others, Unknown];

    public static string Of(string name) => name switch
    {
        _ when name.Contains("TP Worker", StringComparison.Ordinal) => ThreadPool,
        _ when name.Contains("GC", StringComparison.Ordinal) => Gc,
        _ when name.StartsWith("Console logger", StringComparison.Ordinal) => ConsoleLogger,
        _ when name.Contains("Sockets", StringComparison.Ordinal) => Sockets,
        _ when name.Contains("Tiered Com", StringComparison.Ordinal) => TieredCompilation,
        _ when name.Contains("Finalizer", StringComparison.Ordinal) => Finalizer,
        _ when name.Contains("EventPipe", StringComparison.Ordinal) => EventPipe,
        _ => Others,
    };
}
