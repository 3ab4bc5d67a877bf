namespace Users.Infrastructure.Persistence;

/// <summary>
/// What the database driver reports, by name, for the web layer to subscribe to without a reference to Npgsql: a span
/// per command (Npgsql's <c>ActivitySource</c>) and its connection-pool and command metrics (its <c>Meter</c>).
/// </summary>
public static class DatabaseTelemetry
{
    public const string ActivitySourceName = "Npgsql";

    public const string MeterName = "Npgsql";
}
