using FluentValidation;
using Users.Application.Users;

namespace Users.Application.Accounts;

public sealed class SignUpRequestValidator : AbstractValidator<SignUpRequest>
{
    public SignUpRequestValidator(PasswordPolicy passwords)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(request => request.Email).NotEmpty().ValidEmail();
        RuleFor(request => request.FullName).NotEmpty().ValidFullName();
        RuleFor(request => request.Password).NotEmpty().StrongPassword(passwords, request => [request.Email, request.FullName]);
    }
}
