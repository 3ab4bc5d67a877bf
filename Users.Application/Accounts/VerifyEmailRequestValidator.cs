using FluentValidation;

namespace Users.Application.Accounts;

public sealed class VerifyEmailRequestValidator : AbstractValidator<VerifyEmailRequest>
{
    public VerifyEmailRequestValidator() =>
        RuleFor(request => request.Token).NotEmpty().MaximumLength(RefreshTokenRequestValidator.MaxLength);
}
