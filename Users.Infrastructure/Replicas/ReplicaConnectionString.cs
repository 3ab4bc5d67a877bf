using System.Data.Common;
using Npgsql;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Replicas;

/// <summary>The connection strings the replica's reads and checks use.</summary>
public static class ReplicaConnectionString
{
    /// <summary>Seconds to wait for a connection to the replica unless its connection string says otherwise.</summary>
    public const int DefaultConnectTimeout = 2;

    /// <summary>
    /// The service's tuning (<see cref="ServiceConnectionString"/>), and a short connect timeout unless one is given: a
    /// replica that does not answer should cost a list two seconds once, then the monitor takes it out.
    /// </summary>
    public static string ForReads(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServiceConnectionString.From(configured));
        if (!Names(configured, "Timeout", "Connect Timeout", "Connection Timeout"))
        {
            builder.Timeout = DefaultConnectTimeout;
        }

        return builder.ConnectionString;
    }

    /// <summary>For the monitor's checks: one connection is enough, and each check is given the interval at most.</summary>
    public static string ForChecks(string configured) =>
        new NpgsqlConnectionStringBuilder(configured)
        {
            Timeout = DefaultConnectTimeout,
            CommandTimeout = DefaultConnectTimeout,
            MaxPoolSize = 2,
            ApplicationName = "users-replica-monitor",
        }.ConnectionString;

    private static bool Names(string connectionString, params string[] keywords)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(given.ContainsKey);
    }
}
