using Microsoft.Extensions.Logging;

namespace Users.Tests.Support;

/// <summary>One log entry as the app wrote it: its structured state and the state of the scopes around it.</summary>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    IReadOnlyDictionary<string, object?> State,
    IReadOnlyDictionary<string, object?> Scopes);
