using Microsoft.Extensions.Options;
using Npgsql;

namespace Users.Infrastructure.Persistence;

/// <summary>Stops the service at start-up, naming the setting, when the connection string is missing or malformed.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    private const string Setting = $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}";

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is not set: give it in appsettings or as the environment variable ConnectionStrings__Users.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail($"{Setting} names no Host.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"{Setting} is not a valid PostgreSQL connection string: {exception.Message}");
        }
    }
}
