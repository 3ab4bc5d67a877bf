using FluentValidation;

namespace Users.Application.Users;

public sealed class UpdateUserRequestValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(request => request)
            .Must(request => request.Email is not null || request.FullName is not null || request.IsActive is not null || request.Role is not null)
            .OverridePropertyName("body")
            .WithMessage("Give at least one of 'email', 'fullName', 'isActive' or 'role'.");
        RuleFor(request => request.Email).ValidEmail();
        RuleFor(request => request.FullName).ValidFullName();
        RuleFor(request => request.Role).IsInEnum();
    }
}
