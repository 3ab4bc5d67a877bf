using System.ComponentModel.DataAnnotations;
using Users.Domain.Users;

namespace Users.Application.Users;

/// <summary>The body of a request that changes a user: each field left out (or null) stays as it is.</summary>
public sealed class UpdateUserRequest
{
    // The annotations describe the fields in the OpenAPI document; UpdateUserRequestValidator is what enforces them.
    /// <summary>A new email address; at most 254 characters, unique regardless of case.</summary>
    [MaxLength(User.EmailMaxLength)]
    public string? Email { get; init; }

    /// <summary>A new full name; 1 to 200 characters after trimming.</summary>
    [MaxLength(User.FullNameMaxLength)]
    public string? FullName { get; init; }

    /// <summary>Whether the account is active.</summary>
    public bool? IsActive { get; init; }

    /// <summary>The account's role; admins only.</summary>
    public UserRole? Role { get; init; }
}
