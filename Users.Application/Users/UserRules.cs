using FluentValidation;
using Users.Application.Common;
using Users.Domain.Users;

namespace Users.Application.Users;

/// <summary>The field rules shared by the requests that create and change users.</summary>
public static class UserRules
{
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.PlainText()
            .TrimmedLength(1, User.EmailMaxLength)
            .Must(email => email is null || !email.Trim().Any(char.IsWhiteSpace))
            .WithMessage("'{PropertyName}' must not contain spaces.")
            .Must(email => email is null || EmailSyntax.IsValid(email.Trim()))
            .WithMessage("'{PropertyName}' is not an email address: a name of at most 64 characters, '@' and a domain such as example.com.");

    public static IRuleBuilderOptions<T, string?> ValidFullName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.PlainText().TrimmedLength(1, User.FullNameMaxLength);
}
