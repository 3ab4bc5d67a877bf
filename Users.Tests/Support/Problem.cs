namespace Users.Tests.Support;

/// <summary>An RFC 9457 problem as a client reads it.</summary>
public sealed class Problem
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    public Dictionary<string, string[]>? Errors { get; init; }

    public string? TraceId { get; init; }
}
