using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace Users.Infrastructure.Persistence;

/// <summary>
/// The provider's query compilation, with one change: the executor's closed nested lambdas (the shaper above all) are
/// compiled once with the query instead of being made into new delegates on every execution (<see cref="ClosedLambdas"/>).
/// Everything else is EF Core's own: translation, SQL, materialisation, the liftable constants and the logged plan.
/// </summary>
public sealed class SharedShaperQueryCompilationContext(
    QueryCompilationContextDependencies dependencies,
    RelationalQueryCompilationContextDependencies relationalDependencies,
    bool async)
    : RelationalQueryCompilationContext(dependencies, relationalDependencies, async)
{
    // As the Npgsql provider's own context says: split queries buffer.
    public override bool IsBuffering => base.IsBuffering || QuerySplittingBehavior == Microsoft.EntityFrameworkCore.QuerySplittingBehavior.SplitQuery;

    // EF9100: the executor expression and the constant inlining are EF Core's own steps of CreateQueryExecutor, taken
    // here as they are (EF Core 10.0.x is pinned); every query of the suite runs through them.
#pragma warning disable EF9100
    public override Func<QueryContext, TResult> CreateQueryExecutor<TResult>(Expression query)
    {
        var executor = CreateQueryExecutorExpression<TResult>(query);
        var inlined = (Expression<Func<QueryContext, TResult>>)Dependencies.LiftableConstantProcessor.InlineConstants(executor, SupportsPrecompiledQuery);
        try
        {
            return ClosedLambdas.Compile(inlined).Compile();
        }
        finally
        {
            Logger.QueryExecutionPlanned(Dependencies.Context, new ExpressionPrinter(), executor);
        }
    }
#pragma warning restore EF9100
}
