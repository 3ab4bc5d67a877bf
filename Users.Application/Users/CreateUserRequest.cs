using System.ComponentModel.DataAnnotations;
using Users.Application.Accounts;
using Users.Domain.Users;

namespace Users.Application.Users;

/// <summary>The body of a request that creates a user.</summary>
public sealed class CreateUserRequest
{
    // The annotations describe the fields in the OpenAPI document; CreateUserRequestValidator is what enforces them.
    /// <summary>The email address; at most 254 characters, unique regardless of case.</summary>
    [Required]
    [MaxLength(User.EmailMaxLength)]
    public string? Email { get; init; }

    /// <summary>The full name; 1 to 200 characters after trimming.</summary>
    [Required]
    [MaxLength(User.FullNameMaxLength)]
    public string? FullName { get; init; }

    /// <summary>Whether the account starts active; true when left out.</summary>
    public bool? IsActive { get; init; }

    /// <summary>
    /// 12 to 128 characters, not easy to guess. Left out, the account has no password until its owner resets it.
    /// </summary>
    [MinLength(PasswordPolicy.MinLength)]
    [MaxLength(PasswordPolicy.MaxLength)]
    public string? Password { get; init; }

    /// <summary>The account's role; <c>user</c> when left out.</summary>
    public UserRole? Role { get; init; }
}
