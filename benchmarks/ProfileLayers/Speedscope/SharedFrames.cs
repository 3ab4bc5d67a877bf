namespace ProfileLayers.Speedscope;

/// <summary>The frames every profile's events refer to by index.</summary>
public sealed record SharedFrames(IReadOnlyList<Frame> Frames);
