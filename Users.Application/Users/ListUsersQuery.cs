using System.ComponentModel.DataAnnotations;

namespace Users.Application.Users;

/// <summary>What a client asks of the user list: a page size, where to go on from, and filters.</summary>
public sealed class ListUsersQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int SearchMaxLength = 200;

    // The annotations describe the fields in the OpenAPI document; ListUsersQueryValidator is what enforces them.
    /// <summary>How many users a page holds: 1 to 100, 20 when left out.</summary>
    [Range(1, MaxLimit)]
    public int? Limit { get; init; }

    /// <summary>The <c>nextCursor</c> of the previous page; left out for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Keeps users whose email or full name contains this text, ignoring case.</summary>
    [MaxLength(SearchMaxLength)]
    public string? Search { get; init; }

    /// <summary>Keeps only active (true) or inactive (false) users.</summary>
    public bool? IsActive { get; init; }
}
