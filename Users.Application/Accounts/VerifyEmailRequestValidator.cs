using FluentValidation;
using Users.Application.Common;

namespace Users.Application.Accounts;

public sealed class VerifyEmailRequestValidator : AbstractValidator<VerifyEmailRequest>
{
    public VerifyEmailRequestValidator() =>
        RuleFor(request => request.Token).NotEmpty().MaxCharacters(RefreshTokenRequestValidator.MaxLength);
}
