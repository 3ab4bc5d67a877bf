using System.Data.Common;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Users.Infrastructure.Persistence;

/// <summary>
/// What the service logs while its database is unreachable: one warning with the cause every <see cref="Interval"/>,
/// saying how many failures it stands for, instead of a stack trace from every request, probe, poll and job that
/// failed for the same reason. Each failure is still logged at Debug, with its exception, for whoever needs it.
/// </summary>
public sealed partial class DatabaseOutageLog(TimeProvider clock, ILogger<DatabaseOutageLog> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private DateTimeOffset _nextWarning = DateTimeOffset.MinValue;
    private int _unreported;

    /// <summary>
    /// Whether <paramref name="exception"/> means the database failed (unreachable, timed out, refused the work) rather
    /// than the caller: a driver exception or a time-out anywhere in its chain, but not a value it refused
    /// (<see cref="DatabaseValueRefusal"/>).
    /// </summary>
    public static bool IsDatabaseFailure(Exception? exception)
    {
        if (DatabaseValueRefusal.SqlStateOf(exception) is not null)
        {
            return false;
        }

        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The exception's chain as one line, types and messages, without a stack trace.</summary>
    public static string CauseOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var cause = new StringBuilder();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            cause.Append(cause.Length == 0 ? string.Empty : " ---> ").Append(current.GetType().FullName).Append(": ").Append(current.Message);
        }

        return cause.ToString();
    }

    /// <summary>Records that <paramref name="operation"/> (a request, "the readiness check", ...) failed on the database.</summary>
    public void Report(string operation, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var now = clock.GetUtcNow();
        int? since;
        lock (_gate)
        {
            if (now < _nextWarning)
            {
                _unreported++;
                since = null;
            }
            else
            {
                since = _unreported;
                _unreported = 0;
                _nextWarning = now + Interval;
            }
        }

        if (since is { } unreported)
        {
            LogUnavailable(CauseOf(exception), operation, unreported, Interval);
        }

        LogFailure(operation, exception);
    }

    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Warning,
        Message = "The database is unavailable: {Cause} ({Operation} failed; {Unreported} other failures since the previous warning). " +
            "Repeated at most every {Interval} while it lasts; each failure is logged at Debug")]
    private partial void LogUnavailable(string cause, string operation, int unreported, TimeSpan interval);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Operation} failed: the database is unavailable")]
    private partial void LogFailure(string operation, Exception exception);
}
