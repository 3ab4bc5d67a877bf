using System.ComponentModel.DataAnnotations;
using Users.Domain.Users;

namespace Users.Application.Accounts;

/// <summary>The body of a request for a password-reset mail.</summary>
public sealed class ForgotPasswordRequest : IEmailRequest
{
    /// <summary>The account's email; the answer is the same whether or not an account has it.</summary>
    [Required]
    [MaxLength(User.EmailMaxLength)]
    public string? Email { get; init; }
}
