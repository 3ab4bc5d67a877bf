namespace Users.Infrastructure.Persistence;

/// <summary>Where the users database is and what the service does with it at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Users";

    /// <summary>Bound from <c>ConnectionStrings:Users</c> (environment: <c>ConnectionStrings__Users</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Applies pending migrations at start-up; for development, not production (use the idempotent script).</summary>
    public bool MigrateOnStartup { get; set; }
}
