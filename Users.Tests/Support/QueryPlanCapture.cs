using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Users.Tests.Support;

/// <summary>
/// Asks PostgreSQL for the plan of each query a context runs that <see cref="Selects"/> picks, with the query's own text
/// and parameters, on its connection and transaction (so its session settings apply), and then lets the query run.
/// </summary>
public sealed class QueryPlanCapture(Func<string, bool> selects) : DbCommandInterceptor
{
    private readonly List<string> _plans = [];

    public Func<string, bool> Selects { get; } = selects;

    public IReadOnlyList<string> Plans => _plans;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Selects(command.CommandText))
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
            explain.CommandText = $"EXPLAIN {command.CommandText}";
            foreach (var parameter in command.Parameters.Cast<ICloneable>())
            {
                explain.Parameters.Add(parameter.Clone());
            }

            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    lines.Add(reader.GetString(0));
                }
            }

            _plans.Add(string.Join('\n', lines));
        }

        return result;
    }
}
