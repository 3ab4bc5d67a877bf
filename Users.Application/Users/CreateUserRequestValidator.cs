using FluentValidation;

namespace Users.Application.Users;

public sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        // One reason per field is enough for a client to fix it.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(request => request.Email).NotEmpty().ValidEmail();
        RuleFor(request => request.FullName).NotEmpty().ValidFullName();
    }
}
