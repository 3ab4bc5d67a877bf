using FluentValidation;
using Users.Application.Common;

namespace Users.Application.Accounts;

/// <summary>The password rules of the requests that set a password, for their validators.</summary>
public static class PasswordRules
{
    /// <summary>A new password, judged against the words of the account it is for.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> StrongPassword<T>(
        this IRuleBuilder<T, string?> rule, PasswordPolicy policy, Func<T, string?[]> accountWords) =>
        rule.PlainText().Custom((password, context) =>
        {
            if (password is not null && policy.FindWeakness(password, accountWords(context.InstanceToValidate)) is { } weakness)
            {
                context.AddFailure($"'{context.DisplayName}' {weakness}");
            }
        });

    /// <summary>
    /// A password given to sign in: any length a new password may have, so longer input is refused unhashed, and plain
    /// text as every set password is (a NUL added to the end would otherwise hash like the password without it).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PresentedPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaxCharacters(PasswordPolicy.MaxLength * 2).PlainText();
}
