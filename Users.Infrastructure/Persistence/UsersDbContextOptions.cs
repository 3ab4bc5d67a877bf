using Microsoft.EntityFrameworkCore;

namespace Users.Infrastructure.Persistence;

/// <summary>The one place that says how the context talks to PostgreSQL, for the app and the design-time tools alike.</summary>
public static class UsersDbContextOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(UsersDbContext).Assembly.FullName))
            // Reads project to DTOs; tracking is opted into by the writes that need it.
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
}
