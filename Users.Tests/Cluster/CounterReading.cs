using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Users.Tests.Cluster;

/// <summary>
/// Sums what one counter of one app records from now on (only the measurements that carry <c>tag</c>, when given):
/// only the meters that app's own <see cref="IMeterFactory"/> made, so other apps of the run (with meters of the same
/// name) do not count.
/// </summary>
public sealed class CounterReading : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public CounterReading(IServiceProvider app, string meterName, string counterName, KeyValuePair<string, object?>? tag = null)
    {
        var meters = app.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Name == counterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (tag is not { } wanted || tags.ToArray().Contains(wanted))
            {
                Interlocked.Add(ref _total, value);
            }
        });
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
