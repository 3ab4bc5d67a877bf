using System.ComponentModel.DataAnnotations;

namespace Users.Application.Accounts;

/// <summary>The body of a password reset: the mailed token and the new password.</summary>
public sealed class ResetPasswordRequest
{
    /// <summary>The <c>token</c> of the link in the password-reset mail.</summary>
    [Required]
    [MaxLength(RefreshTokenRequestValidator.MaxLength)]
    public string? Token { get; init; }

    /// <summary>12 to 128 characters, not easy to guess.</summary>
    [Required]
    [MinLength(PasswordPolicy.MinLength)]
    [MaxLength(PasswordPolicy.MaxLength)]
    public string? NewPassword { get; init; }
}
