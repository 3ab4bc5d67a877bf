using System.ComponentModel.DataAnnotations;
using Users.Domain.Users;

namespace Users.Application.Accounts;

/// <summary>The body of a sign-up: a new, ordinary, active account.</summary>
public sealed class SignUpRequest : IEmailRequest
{
    // The annotations describe the fields in the OpenAPI document; SignUpRequestValidator is what enforces them.
    /// <summary>The email address; at most 254 characters, unique regardless of case.</summary>
    [Required]
    [MaxLength(User.EmailMaxLength)]
    public string? Email { get; init; }

    /// <summary>The full name; 1 to 200 characters after trimming.</summary>
    [Required]
    [MaxLength(User.FullNameMaxLength)]
    public string? FullName { get; init; }

    /// <summary>12 to 128 characters, not easy to guess (a phrase of unrelated words works well).</summary>
    [Required]
    [MinLength(PasswordPolicy.MinLength)]
    [MaxLength(PasswordPolicy.MaxLength)]
    public string? Password { get; init; }
}
