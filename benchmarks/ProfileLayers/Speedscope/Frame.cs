namespace ProfileLayers.Speedscope;

/// <summary>
/// A frame: <c>Module!Namespace.Type.Method(parameters)</c> for a method, <c>Thread (tid)</c> for a thread, and the
/// pseudo-frames dotnet-trace adds, such as <c>CPU_TIME</c> (the thread was in managed code when sampled) and
/// <c>UNMANAGED_CODE_TIME</c> (it was in native code or blocked).
/// </summary>
public sealed record Frame(string Name);
