using Microsoft.Extensions.Options;
using Npgsql;

namespace Users.Infrastructure.Persistence;

/// <summary>
/// Stops the service at start-up, naming the setting, when the connection string is missing or malformed, the replica's
/// is malformed, or the replica's lag settings make no sense.
/// </summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    private const string Setting = $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}";

    private const string ReplicaSetting = $"ConnectionStrings:{DatabaseOptions.ReplicaConnectionStringName}";

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxReplicaLag <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.MaxReplicaLag)} must be longer than zero, e.g. 00:00:05.");
        }

        if (options.ReplicaCheckInterval < TimeSpan.FromMilliseconds(100) || options.ReplicaCheckInterval > TimeSpan.FromMinutes(1))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ReplicaCheckInterval)} must be between 00:00:00.1 and 00:01:00.");
        }

        if (options.ReplicaConnectionString is { } replica && ConnectionStringProblem(ReplicaSetting, replica) is { } replicaProblem)
        {
            return ValidateOptionsResult.Fail(replicaProblem);
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is not set: give it in appsettings or as the environment variable ConnectionStrings__Users.");
        }

        return ConnectionStringProblem(Setting, options.ConnectionString) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }

    private static string? ConnectionStringProblem(string setting, string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? $"{setting} names no Host." : null;
        }
        catch (ArgumentException exception)
        {
            return $"{setting} is not a valid PostgreSQL connection string: {exception.Message}";
        }
    }
}
