namespace ProfileLayers.Speedscope;

/// <summary>Frame <see cref="Frame"/> opened (<c>O</c>) or closed (<c>C</c>) at <see cref="At"/> milliseconds.</summary>
public sealed record ProfileEvent(string Type, int Frame, double At);
