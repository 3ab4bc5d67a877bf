using System.ComponentModel.DataAnnotations;
using Users.Domain.Users;

namespace Users.Application.Accounts;

/// <summary>The body of a sign-in.</summary>
public sealed class TokenRequest : IEmailRequest
{
    /// <summary>The account's email address, in any case.</summary>
    [Required]
    [MaxLength(User.EmailMaxLength)]
    public string? Email { get; init; }

    /// <summary>The account's password.</summary>
    [Required]
    [MaxLength(PasswordPolicy.MaxLength * 2)]
    public string? Password { get; init; }
}
