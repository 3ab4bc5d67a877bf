using System.ComponentModel.DataAnnotations;

namespace Users.Application.Accounts;

/// <summary>The body of an address verification: the token from the mailed link.</summary>
public sealed class VerifyEmailRequest
{
    /// <summary>The <c>token</c> of the link in the verification mail.</summary>
    [Required]
    [MaxLength(RefreshTokenRequestValidator.MaxLength)]
    public string? Token { get; init; }
}
