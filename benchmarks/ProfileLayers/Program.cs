using System.Globalization;
using ProfileLayers.Analysis;
using ProfileLayers.Reports;

// Where a request's time goes, from the speedscope file of a dotnet-sampled-thread-time trace (see benchmarks/profile.sh).
const string Usage = """
    usage: ProfileLayers <trace.speedscope.json> <requests served during the trace> [--threads <file>] [--top <methods per layer>]
           ProfileLayers --table <label> <trace.speedscope.json> <requests> <threads file or -> [<label> <trace> <requests> <threads> ...]
    The threads file holds a "tid cpu-milliseconds name" line for each thread of the traced process: the CPU it used
    while the trace ran. With it, µs a request are CPU; without it, time sampled in managed code.
    """;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, _) => cancellation.Cancel();

if (args is ["--table", .. var table] && table.Length > 0 && table.Length % 4 == 0)
{
    var columns = new List<TraceColumn>();
    for (var i = 0; i < table.Length; i += 4)
    {
        if (!TryRequests(table[i + 2], out var served))
        {
            return Fail(Usage);
        }

        var cpu = table[i + 3] == "-" ? ThreadCpu.None : ThreadCpu.Read(table[i + 3]);
        columns.Add(new TraceColumn(table[i], await TraceProfile.ReadAsync(table[i + 1], cpu, cancellation.Token), served, cpu));
    }

    MarkdownTable.Write(Console.Out, columns);
    return 0;
}

if (args.Length < 2 || args.Length % 2 != 0 || !TryRequests(args[1], out var requests))
{
    return Fail(Usage);
}

var threads = ThreadCpu.None;
var top = 0;
for (var i = 2; i < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--threads":
            threads = ThreadCpu.Read(args[i + 1]);
            break;
        case "--top" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out top):
            break;
        default:
            return Fail(Usage);
    }
}

var profile = await TraceProfile.ReadAsync(args[0], threads, cancellation.Token);
TextReport.Write(Console.Out, new TraceColumn(Path.GetFileName(args[0]), profile, requests, threads), top);
return 0;

static bool TryRequests(string text, out long requests) =>
    long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out requests) && requests > 0;

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
