using Microsoft.Extensions.Options;

namespace Users.Api.Auth;

/// <summary>Stops the service at start-up, naming the setting, when the token settings or keys are missing or unusable.</summary>
public sealed class JwtOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    /// <summary>Access tokens cannot be revoked, so they must not live long.</summary>
    public static readonly TimeSpan MaxAccessTokenLifetime = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{JwtOptions.Section}:Issuer is not set: name the issuer tokens carry as 'iss', e.g. https://users.example.com.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{JwtOptions.Section}:Audience is not set: name the audience tokens carry as 'aud', e.g. users-api.");
        }

        if (options.AccessTokenLifetime <= TimeSpan.Zero || options.AccessTokenLifetime > MaxAccessTokenLifetime)
        {
            failures.Add($"{JwtOptions.Section}:AccessTokenLifetime must be more than zero and at most {MaxAccessTokenLifetime} (it is {options.AccessTokenLifetime}).");
        }

        JwtKeyRing.TryCreate(options, environment, out var keyErrors);
        failures.AddRange(keyErrors);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
