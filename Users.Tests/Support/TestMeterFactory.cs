using System.Diagnostics.Metrics;

namespace Users.Tests.Support;

/// <summary>
/// Meters for a class under test built by hand, outside any app: each is scoped to this factory, so a
/// <see cref="MetricCapture"/> of it sees only what that class records, whatever else runs in the test process.
/// </summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(meter => meter.Dispose());
}
