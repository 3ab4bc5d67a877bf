using Npgsql;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// The connection string of Hangfire's storage and the jobs' message locks: the service's database, in a pool of its
/// own, whose connections are reset when returned. Hangfire LISTENs and sets <c>search_path</c> on its connections and
/// the locks are session locks, none of which may outlive the connection's use (the service's own pool skips the reset).
/// </summary>
public static class JobsConnectionString
{
    public static string From(string configured) =>
        new NpgsqlConnectionStringBuilder(configured) { NoResetOnClose = false }.ConnectionString;
}
