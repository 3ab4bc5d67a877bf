using FluentValidation;
using Users.Domain.Users;

namespace Users.Application.Accounts;

public sealed class TokenRequestValidator : AbstractValidator<TokenRequest>
{
    public TokenRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        // Only shape here: a well-formed but unknown email must get the same 401 as a wrong password.
        RuleFor(request => request.Email).NotEmpty().MaximumLength(User.EmailMaxLength);
        RuleFor(request => request.Password).PresentedPassword();
    }
}
