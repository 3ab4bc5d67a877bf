using Hangfire.Logging;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// One of Hangfire's loggers, except that a failure because the database is unavailable (each of its pollers and
/// heartbeats retries and would log a stack trace every few seconds) goes to the <see cref="DatabaseOutageLog"/>.
/// </summary>
public sealed class HangfireLog(ILog inner, string name, DatabaseOutageLog databaseOutage) : ILog
{
    public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
    {
        if (messageFunc is not null && exception is not null && logLevel >= LogLevel.Warn && DatabaseOutageLog.IsDatabaseFailure(exception))
        {
            databaseOutage.Report(name, exception);
            return true;
        }

        return inner.Log(logLevel, messageFunc, exception);
    }
}
