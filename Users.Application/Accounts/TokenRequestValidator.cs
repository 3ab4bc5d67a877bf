using FluentValidation;
using Users.Application.Users;

namespace Users.Application.Accounts;

public sealed class TokenRequestValidator : AbstractValidator<TokenRequest>
{
    public TokenRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        // Only shape here (the form every account's address has): a well-formed but unknown email must get the same 401
        // as a wrong password.
        RuleFor(request => request.Email).NotEmpty().ValidEmail();
        RuleFor(request => request.Password).PresentedPassword();
    }
}
