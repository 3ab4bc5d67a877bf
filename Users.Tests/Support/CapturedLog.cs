using Microsoft.Extensions.Logging;

namespace Users.Tests.Support;

/// <summary>
/// One log entry as the app wrote it: its structured state, the state of the scopes around it, its exception and the
/// id of its event (a source-generated logger's <c>EventId</c>).
/// </summary>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    IReadOnlyDictionary<string, object?> State,
    IReadOnlyDictionary<string, object?> Scopes,
    Exception? Exception,
    int EventId);
