using FluentValidation;

namespace Users.Application.Users;

public sealed class UpdateMeRequestValidator : AbstractValidator<UpdateMeRequest>
{
    public UpdateMeRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(request => request)
            .Must(request => request.Email is not null || request.FullName is not null)
            .OverridePropertyName("body")
            .WithMessage("Give at least one of 'email' or 'fullName'.");
        RuleFor(request => request.Email).ValidEmail();
        RuleFor(request => request.FullName).ValidFullName();
    }
}
