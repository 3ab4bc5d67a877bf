namespace ProfileLayers.Speedscope;

/// <summary>
/// The parts of a speedscope file (https://www.speedscope.app/file-format-schema.json) that dotnet-trace writes and
/// this tool reads: the shared frame names, and one evented profile per thread.
/// </summary>
public sealed record SpeedscopeFile(SharedFrames Shared, IReadOnlyList<ThreadProfile> Profiles);
