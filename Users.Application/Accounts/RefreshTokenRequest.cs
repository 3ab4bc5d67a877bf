using System.ComponentModel.DataAnnotations;

namespace Users.Application.Accounts;

/// <summary>The body of a refresh or a sign-out: the refresh token of the sign-in.</summary>
public sealed class RefreshTokenRequest
{
    /// <summary>The <c>refreshToken</c> of the last token response.</summary>
    [Required]
    [MaxLength(RefreshTokenRequestValidator.MaxLength)]
    public string? RefreshToken { get; init; }
}
