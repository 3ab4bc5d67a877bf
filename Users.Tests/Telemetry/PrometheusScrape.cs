using System.Globalization;

namespace Users.Tests.Telemetry;

/// <summary>A scrape of <c>/metrics</c> in the Prometheus text format, read the way a query would select series.</summary>
public sealed class PrometheusScrape(string text)
{
    public string Text { get; } = text;

    /// <summary>Whether any series of this metric family (a name, or a name prefix ending in '_') is in the scrape.</summary>
    public bool Has(string family) => Lines().Any(line => line.StartsWith(family, StringComparison.Ordinal));

    /// <summary>The sum of the series named <paramref name="metric"/> that carry every one of these labels; 0 when none do.</summary>
    public double Sum(string metric, params (string Name, string Value)[] labels) =>
        Lines()
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains($"{label.Name}=\"{label.Value}\"", StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    private IEnumerable<string> Lines() =>
        Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(line => !line.StartsWith('#'));
}
