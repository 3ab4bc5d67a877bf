namespace ProfileLayers.Speedscope;

/// <summary>One thread's samples, as frames opened and closed over time (milliseconds from the trace's start).</summary>
public sealed record ThreadProfile(string Name, IReadOnlyList<ProfileEvent> Events);
