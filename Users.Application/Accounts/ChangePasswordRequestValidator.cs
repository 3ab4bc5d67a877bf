using FluentValidation;
using Users.Application.Common;

namespace Users.Application.Accounts;

/// <summary>Shape only: the strength check needs the account's email and name, so the service makes it.</summary>
public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(request => request.CurrentPassword).PresentedPassword();
        RuleFor(request => request.NewPassword).NotEmpty().PlainText();
    }
}
