namespace Users.Application.Common;

/// <summary>The versions a conditional write accepts, as read from an If-Match header.</summary>
public sealed class ExpectedVersion
{
    private readonly IReadOnlySet<uint>? _versions;

    private ExpectedVersion(IReadOnlySet<uint>? versions) => _versions = versions;

    /// <summary>No condition: any current version will do.</summary>
    public static ExpectedVersion Any { get; } = new(null);

    public bool IsAny => _versions is null;

    /// <summary>Only these versions; an empty set matches nothing.</summary>
    public static ExpectedVersion OneOf(IEnumerable<uint> versions) => new(versions.ToHashSet());

    public bool Matches(uint version) => _versions is null || _versions.Contains(version);
}
