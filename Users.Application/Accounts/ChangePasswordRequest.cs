using System.ComponentModel.DataAnnotations;

namespace Users.Application.Accounts;

/// <summary>The body of a password change.</summary>
public sealed class ChangePasswordRequest
{
    /// <summary>The password the account has now.</summary>
    [Required]
    [MaxLength(PasswordPolicy.MaxLength * 2)]
    public string? CurrentPassword { get; init; }

    /// <summary>12 to 128 characters, not easy to guess.</summary>
    [Required]
    [MinLength(PasswordPolicy.MinLength)]
    [MaxLength(PasswordPolicy.MaxLength)]
    public string? NewPassword { get; init; }
}
