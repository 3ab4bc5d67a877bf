using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Logging;

namespace Users.Infrastructure.Persistence;

/// <summary>The one place that says how the context talks to PostgreSQL, for the app and the design-time tools alike.</summary>
public static class UsersDbContextOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(UsersDbContext).Assembly.FullName))
            // Reads project to DTOs; tracking is opted into by the writes that need it.
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            // Each query's shaper compiled once with the query, not made into a new delegate on every execution.
            .ReplaceService<IQueryCompilationContextFactory, SharedShaperQueryCompilationContextFactory>()
            // A unique-index conflict is an expected answer (409), and an unreachable database is logged once by the
            // API's exception handler (or the outbox dispatcher); EF Core would log each again as an error.
            .ConfigureWarnings(warnings => warnings.Log(
                (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug)));

    /// <summary>
    /// Migrations run without a command timeout: building an index on a table of a million users takes longer than the
    /// 30 s a query may (AddUserSearchIndexes' trigram indexes), and a timeout would roll the whole migration back. The
    /// caller's cancellation (Ctrl-C, the host stopping) still ends it.
    /// </summary>
    public static void AllowLongMigrations(DatabaseFacade database) => database.SetCommandTimeout(0);
}
