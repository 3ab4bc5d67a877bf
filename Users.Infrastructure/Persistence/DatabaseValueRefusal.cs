using Npgsql;

namespace Users.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL refusing a value (SQLSTATE class 22, "data exception": a NUL in text, an out-of-range number) rather than
/// failing: the request's fault, which a validator should have caught, not an outage to retry.
/// </summary>
public static class DatabaseValueRefusal
{
    private const string DataExceptionClass = "22";

    /// <summary>The refusal's SQLSTATE, if <paramref name="exception"/> or one inside it is one.</summary>
    public static string? SqlStateOf(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException { SqlState: var state } && state.StartsWith(DataExceptionClass, StringComparison.Ordinal))
            {
                return state;
            }
        }

        return null;
    }
}
