using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Users.Infrastructure.Persistence;

/// <summary>
/// Says at start-up which database the service talks to and with which pool settings (the tuned ones included), so an
/// operator, or a benchmark comparing the service with another client of the same table, sees them. Never the password.
/// </summary>
public sealed partial class ConnectionSettingsLog(IOptions<DatabaseOptions> options, ILogger<ConnectionSettingsLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Information) && options.Value.ConnectionString is { } configured)
        {
            var shown = new NpgsqlConnectionStringBuilder(ServiceConnectionString.From(configured)) { Password = null }.ConnectionString;
            LogSettings(logger, shown);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Database connection settings: {ConnectionSettings}")]
    private static partial void LogSettings(ILogger logger, string connectionSettings);
}
