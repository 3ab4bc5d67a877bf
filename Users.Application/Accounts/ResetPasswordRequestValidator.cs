using FluentValidation;
using Users.Application.Common;

namespace Users.Application.Accounts;

/// <summary>Shape only: the strength check needs the account's email and name, so the service makes it.</summary>
public sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(request => request.Token).NotEmpty().MaxCharacters(RefreshTokenRequestValidator.MaxLength);
        RuleFor(request => request.NewPassword).NotEmpty().PlainText();
    }
}
