using Microsoft.Extensions.Options;

namespace Users.Application.Accounts;

/// <summary>Stops the service at start-up, naming the setting, when an <c>Accounts</c> setting is out of range.</summary>
public sealed class AccountOptionsValidator : IValidateOptions<AccountOptions>
{
    /// <summary>Below this a stolen hash falls to a GPU in hours; tests may go no lower either.</summary>
    public const int MinPasswordHashIterations = 10_000;

    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        var failures = new List<string>();
        if (options.MinPasswordScore is < 0 or > 4)
        {
            failures.Add($"{AccountOptions.Section}:{nameof(options.MinPasswordScore)} must be 0 to 4 (zxcvbn's scores).");
        }

        if (options.PasswordHashIterations < MinPasswordHashIterations)
        {
            failures.Add($"{AccountOptions.Section}:{nameof(options.PasswordHashIterations)} must be at least {MinPasswordHashIterations} " +
                $"(OWASP recommends {AccountOptions.RecommendedPasswordHashIterations}).");
        }

        RequirePositive(failures, nameof(options.RefreshTokenLifetime), options.RefreshTokenLifetime, "30.00:00:00");
        RequirePositive(failures, nameof(options.EmailVerificationTokenLifetime), options.EmailVerificationTokenLifetime, "1.00:00:00");
        RequirePositive(failures, nameof(options.PasswordResetTokenLifetime), options.PasswordResetTokenLifetime, "01:00:00");
        if (options.UnverifiedAccountTtl is { } ttl)
        {
            RequirePositive(failures, nameof(options.UnverifiedAccountTtl), ttl, "7.00:00:00");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string setting, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{AccountOptions.Section}:{setting} must be a positive time span, e.g. {example}.");
        }
    }
}
