using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Users.Infrastructure.Persistence;

/// <summary>
/// Readiness: the database answers a query. Unlike EF Core's own check, which swallows the reason, a failure goes
/// to the <see cref="DatabaseOutageLog"/> with its cause, so a probe every few seconds adds to one warning per interval.
/// </summary>
public sealed class DatabaseHealthCheck(UsersDbContext db, DatabaseOutageLog databaseOutage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            // A round trip: a pooled connection the server has dropped looks open until it is used.
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (DatabaseOutageLog.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            databaseOutage.Report("The readiness check", exception);
            return new HealthCheckResult(context.Registration.FailureStatus, "The database is unavailable.");
        }
    }
}
