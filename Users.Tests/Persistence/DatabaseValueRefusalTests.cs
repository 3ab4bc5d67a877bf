using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Users.Api.Problems;
using Users.Infrastructure.Persistence;
using Users.Tests.Support;

namespace Users.Tests.Persistence;

/// <summary>A value PostgreSQL refuses is the request's fault, told apart from a database that failed.</summary>
public sealed class DatabaseValueRefusalTests
{
    [Test]
    public async Task Text_holding_a_NUL_is_a_refused_value_not_a_database_failure()
    {
        var refused = await RefusedNulAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(DatabaseValueRefusal.SqlStateOf(refused), Is.EqualTo(PostgresErrorCodes.CharacterNotInRepertoire));
            Assert.That(DatabaseOutageLog.IsDatabaseFailure(refused), Is.False);
        }
    }

    [Test]
    public async Task A_refused_value_that_reaches_the_top_is_answered_400_not_503()
    {
        var refused = await RefusedNulAsync();
        await using var scope = TestEnvironment.Factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IExceptionHandler>().OfType<ProblemExceptionHandler>().Single();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();

        var handled = await handler.TryHandleAsync(context, refused, CancellationToken.None);

        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(handled, Is.True);
            Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status400BadRequest));
            Assert.That(context.Response.Headers.RetryAfter.ToString(), Is.Empty, "nothing to retry");
            Assert.That(body, Does.Contain("cannot be stored"));
        }
    }

    [Test]
    public async Task An_unreachable_database_is_a_failure_not_a_refused_value()
    {
        await using var connection = new NpgsqlConnection("Host=127.0.0.1;Port=1;Username=postgres;Timeout=2");

        var failed = await Assert.CatchAsync<NpgsqlException>(() => connection.OpenAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(DatabaseValueRefusal.SqlStateOf(failed), Is.Null);
            Assert.That(DatabaseOutageLog.IsDatabaseFailure(failed), Is.True);
        }
    }

    /// <summary>What PostgreSQL answers to text holding a NUL.</summary>
    private static async Task<PostgresException> RefusedNulAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT length($1)", connection) { Parameters = { new() { Value = "ada\0" } } };
        var refused = await Assert.CatchAsync<PostgresException>(() => command.ExecuteScalarAsync());
        return refused!;
    }
}
