namespace Users.Infrastructure.Persistence;

/// <summary>Where the users database is and what the service does with it at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Users";
    public const string ReplicaConnectionStringName = "UsersReplica";

    /// <summary>Bound from <c>ConnectionStrings:Users</c> (environment: <c>ConnectionStrings__Users</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Bound from <c>ConnectionStrings:UsersReplica</c>: a hot standby of the same database. When set, list and search
    /// read from it while it is within <see cref="MaxReplicaLag"/>; everything else stays on the primary.
    /// </summary>
    public string? ReplicaConnectionString { get; set; }

    /// <summary>How far behind the primary the replica may be and still serve list and search reads.</summary>
    public TimeSpan MaxReplicaLag { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the replica's lag is measured.</summary>
    public TimeSpan ReplicaCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Applies pending migrations at start-up; for development, not production (use the idempotent script).</summary>
    public bool MigrateOnStartup { get; set; }
}
