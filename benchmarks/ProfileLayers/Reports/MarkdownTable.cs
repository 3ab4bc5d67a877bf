using System.Globalization;
using ProfileLayers.Analysis;

namespace ProfileLayers.Reports;

/// <summary>
/// Several traces side by side, one column each: µs a request per layer and its share of the request threads, then
/// the other kinds of thread and the whole process (with their share of its CPU).
/// </summary>
public static class MarkdownTable
{
    public static void Write(TextWriter output, IReadOnlyList<TraceColumn> columns)
    {
        output.WriteLine("| layer | " + string.Join(" | ", columns.Select(column => $"{column.Label} µs (share)")) + " |");
        output.WriteLine("|---|" + string.Concat(columns.Select(_ => "---:|")));
        foreach (var row in TraceColumn.Rows)
        {
            Row(output, row, columns, column => Invariant($"{column.PerRequest(row):0.0} ({column.Share(row):0.0}%)"));
        }

        Row(output, $"**{ThreadKinds.ThreadPool}, all layers**", columns, column => column.CpuKnown
            ? Invariant($"**{column.PerRequest(column.ThreadPoolCpuMilliseconds):0.0}** ({TraceColumn.Percent(column.ThreadPoolCpuMilliseconds, column.Threads.Milliseconds):0}% of process)")
            : Invariant($"**{column.PerRequest(column.Profile.ThreadPoolMilliseconds):0.0}** sampled"));
        if (!columns.All(column => column.CpuKnown))
        {
            return;
        }

        foreach (var kind in ThreadKinds.All.Where(kind => kind != ThreadKinds.ThreadPool))
        {
            if (columns.Any(column => column.Threads.ByKind.GetValueOrDefault(kind) > 0))
            {
                Row(output, kind, columns, column =>
                {
                    var milliseconds = column.Threads.ByKind.GetValueOrDefault(kind);
                    return Invariant($"{column.PerRequest(milliseconds):0.0} ({TraceColumn.Percent(milliseconds, column.Threads.Milliseconds):0}% of process)");
                });
            }
        }

        Row(output, "**process, CPU a request**", columns, column => Invariant($"**{column.PerRequest(column.Threads.Milliseconds):0.0}**"));
    }

    private static void Row(TextWriter output, string name, IReadOnlyList<TraceColumn> columns, Func<TraceColumn, string> cell) =>
        output.WriteLine($"| {name} | " + string.Join(" | ", columns.Select(cell)) + " |");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
