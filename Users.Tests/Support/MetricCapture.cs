using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Users.Tests.Support;

/// <summary>
/// What the instruments of one meter factory record (an app's, or a <see cref="TestMeterFactory"/>), by instrument
/// name, with their tags, from the moment it is made.
/// </summary>
public sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = new();

    public MetricCapture(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray()))));
        _listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> recorded with every one of <paramref name="tags"/>.</summary>
    public long Sum(string instrument, params (string Key, object? Value)[] tags) =>
        _measurements
            .Where(measurement => measurement.Instrument == instrument &&
                tags.All(tag => Equals(measurement.Tags.GetValueOrDefault(tag.Key), tag.Value)))
            .Sum(measurement => measurement.Value);

    public void Dispose() => _listener.Dispose();
}
