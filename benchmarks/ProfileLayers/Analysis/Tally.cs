namespace ProfileLayers.Analysis;

/// <summary>Sampled milliseconds under a heading, and which methods the threads were in.</summary>
public sealed class Tally
{
    private readonly Dictionary<string, double> _methods = new(StringComparer.Ordinal);

    public double Milliseconds { get; private set; }

    public void Add(string method, double milliseconds)
    {
        Milliseconds += milliseconds;
        _methods[method] = _methods.GetValueOrDefault(method) + milliseconds;
    }

    public IEnumerable<KeyValuePair<string, double>> TopMethods(int count) =>
        _methods.OrderByDescending(method => method.Value).Take(count);
}
