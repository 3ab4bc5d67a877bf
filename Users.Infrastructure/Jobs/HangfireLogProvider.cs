using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// Hangfire's logs in the app's logging. Hangfire keeps one log provider per process, the last app's to configure it:
/// when that app has stopped and its logging is disposed (several apps run in one test process), this one stays quiet
/// instead of failing the Hangfire component that asked for a logger. Failures because the database is unavailable go
/// to the <see cref="DatabaseOutageLog"/> (<see cref="HangfireLog"/>).
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory loggers, DatabaseOutageLog databaseOutage) : ILogProvider
{
    private readonly AspNetCoreLogProvider _app = new(loggers);
    private readonly AspNetCoreLogProvider _none = new(NullLoggerFactory.Instance);

    public ILog GetLogger(string name)
    {
        try
        {
            return new HangfireLog(_app.GetLogger(name), name, databaseOutage);
        }
        catch (ObjectDisposedException)
        {
            return _none.GetLogger(name);
        }
    }
}
