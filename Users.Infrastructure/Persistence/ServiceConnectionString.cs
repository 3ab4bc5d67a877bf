using System.Data.Common;
using Npgsql;

namespace Users.Infrastructure.Persistence;

/// <summary>
/// The connection string the running service uses: the configured one, with pooling tuned for a service that keeps
/// no session state. A setting the configured string gives explicitly is left as it is.
/// </summary>
public static class ServiceConnectionString
{
    /// <summary>Prepared statements kept per connection; the service runs a handful of distinct queries.</summary>
    public const int MaxAutoPrepare = 20;

    public static string From(string configured)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = configured };
        var builder = new NpgsqlConnectionStringBuilder(configured);

        // No SET, LISTEN or temp tables here, so a connection rented from the pool needs no DISCARD ALL first.
        if (!Gives(given, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        // The same few statements run all day: PostgreSQL parses and plans each once per connection, not per request.
        if (!Gives(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        return builder.ConnectionString;
    }

    private static bool Gives(DbConnectionStringBuilder given, params string[] keywords) => keywords.Any(given.ContainsKey);
}
