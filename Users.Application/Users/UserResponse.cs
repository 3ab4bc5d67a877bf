using Users.Domain.Users;

namespace Users.Application.Users;

/// <summary>A user account as clients see it.</summary>
public sealed class UserResponse
{
    /// <summary>The user's id, a time-ordered UUIDv7.</summary>
    public required Guid Id { get; init; }

    /// <summary>The email address, as given (trimmed); unique regardless of case.</summary>
    public required string Email { get; init; }

    /// <summary>The full name, trimmed.</summary>
    public required string FullName { get; init; }

    /// <summary>Whether the account is active; inactive accounts cannot sign in.</summary>
    public required bool IsActive { get; init; }

    /// <summary>Whether the owner of the address proved it by following the link mailed there; a changed address is unverified.</summary>
    public required bool EmailVerified { get; init; }

    /// <summary><c>user</c> manages their own account; <c>admin</c> manages every account.</summary>
    public required UserRole Role { get; init; }

    /// <summary>When the user was created (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the user was last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
