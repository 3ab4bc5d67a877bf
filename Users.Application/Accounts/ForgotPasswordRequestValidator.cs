using FluentValidation;
using Users.Domain.Users;

namespace Users.Application.Accounts;

public sealed class ForgotPasswordRequestValidator : AbstractValidator<ForgotPasswordRequest>
{
    public ForgotPasswordRequestValidator() =>
        RuleFor(request => request.Email).NotEmpty().MaximumLength(User.EmailMaxLength);
}
