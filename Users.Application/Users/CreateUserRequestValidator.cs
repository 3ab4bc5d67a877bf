using FluentValidation;
using Users.Application.Accounts;

namespace Users.Application.Users;

public sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator(PasswordPolicy passwords)
    {
        // One reason per field is enough for a client to fix it.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(request => request.Email).NotEmpty().ValidEmail();
        RuleFor(request => request.FullName).NotEmpty().ValidFullName();
        RuleFor(request => request.Password).StrongPassword(passwords, request => [request.Email, request.FullName]);
        RuleFor(request => request.Role).IsInEnum();
    }
}
