using FluentValidation;
using Users.Application.Users;

namespace Users.Application.Accounts;

public sealed class ForgotPasswordRequestValidator : AbstractValidator<ForgotPasswordRequest>
{
    public ForgotPasswordRequestValidator() =>
        RuleFor(request => request.Email).NotEmpty().ValidEmail();
}
