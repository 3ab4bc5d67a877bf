using FluentValidation;
using Users.Application.Common;

namespace Users.Application.Accounts;

public sealed class RefreshTokenRequestValidator : AbstractValidator<RefreshTokenRequest>
{
    /// <summary>Generous: tokens are 43 characters, but their shape is the service's to change.</summary>
    public const int MaxLength = 512;

    public RefreshTokenRequestValidator() =>
        RuleFor(request => request.RefreshToken).NotEmpty().MaxCharacters(MaxLength);
}
