using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Users.Infrastructure.Persistence;

namespace Users.Tests.Persistence;

public sealed class ClosedLambdasTests
{
    private static readonly ParameterExpression Outer = Expression.Parameter(typeof(int), "outer");
    private static readonly ParameterExpression Inner = Expression.Parameter(typeof(int), "inner");

    [Test]
    public void A_nested_lambda_that_uses_only_its_own_parameters_becomes_a_compiled_constant()
    {
        var executor = Executor(Expression.Lambda<Func<int, int>>(Expression.Add(Inner, Expression.Constant(1)), Inner));

        var compiled = ClosedLambdas.Compile(executor);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(((InvocationExpression)compiled.Body).Expression, Is.InstanceOf<ConstantExpression>());
            Assert.That(compiled.Compile()(41), Is.EqualTo(42));
        }
    }

    [Test]
    public void A_nested_lambda_that_reads_the_outer_parameter_stays_a_lambda()
    {
        var executor = Executor(Expression.Lambda<Func<int, int>>(Expression.Add(Inner, Outer), Inner));

        var compiled = ClosedLambdas.Compile(executor);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(((InvocationExpression)compiled.Body).Expression, Is.InstanceOf<LambdaExpression>());
            Assert.That(compiled.Compile()(21), Is.EqualTo(42));
        }
    }

    [Test]
    public void A_quoted_lambda_stays_an_expression_tree()
    {
        var quoted = Expression.Quote(Expression.Lambda<Func<int, int>>(Inner, Inner));
        var executor = Expression.Lambda<Func<int, object>>(Expression.Convert(quoted, typeof(object)), Outer);

        var compiled = ClosedLambdas.Compile(executor);

        Assert.That(compiled.Compile()(0), Is.InstanceOf<Expression<Func<int, int>>>());
    }

    [Test]
    public void The_database_context_compiles_its_queries_with_shared_shapers()
    {
        using var scope = TestEnvironment.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();

        Assert.That(db.GetService<IQueryCompilationContextFactory>(), Is.InstanceOf<SharedShaperQueryCompilationContextFactory>());
    }

    /// <summary><c>outer => nested.Invoke(outer)</c>: an executor holding one nested lambda.</summary>
    private static Expression<Func<int, int>> Executor(Expression<Func<int, int>> nested) =>
        Expression.Lambda<Func<int, int>>(Expression.Invoke(nested, Outer), Outer);
}
