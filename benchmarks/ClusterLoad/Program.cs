using System.Runtime.InteropServices;

// The mixed load of benchmarks/cluster.sh. Prepares (admin sign-in, the sign-in accounts, a first user), writes
// <out>/ready, then drives the load until SIGTERM or SIGINT, writing <out>/responses.tsv and <out>/created.tsv.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1), MaxConnectionsPerServer = options.Workers + 2 };
using var http = new HttpClient(handler) { BaseAddress = options.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
using var log = new ResponseLog(options.OutputDirectory);
var run = new LoadRun(options, http, log);
try
{
    await run.PrepareAsync(stop.Token);
}
catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException)
{
    await Console.Error.WriteLineAsync($"ClusterLoad: could not prepare: {exception.Message}");
    return 1;
}

await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "ready"), "ready\n", stop.Token);
await run.RunAsync(stop.Token);
return 0;
