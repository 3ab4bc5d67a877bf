namespace Users.Application.Users;

/// <summary>One page of users, newest first.</summary>
public sealed class UserPage
{
    /// <summary>The users on this page.</summary>
    public required IReadOnlyList<UserResponse> Items { get; init; }

    /// <summary>The cursor of the next page, or null when this is the last one.</summary>
    public required string? NextCursor { get; init; }
}
