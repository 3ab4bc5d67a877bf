using Npgsql;
using Users.Infrastructure.Persistence;
using Users.Tests.Support;

namespace Users.Tests.Persistence;

/// <summary>A value PostgreSQL refuses is the request's fault, told apart from a database that failed.</summary>
public sealed class DatabaseValueRefusalTests
{
    [Test]
    public async Task Text_holding_a_NUL_is_a_refused_value_not_a_database_failure()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT length($1)", connection) { Parameters = { new() { Value = "ada\0" } } };

        var refused = await Assert.CatchAsync<PostgresException>(() => command.ExecuteScalarAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(DatabaseValueRefusal.SqlStateOf(refused), Is.EqualTo(PostgresErrorCodes.CharacterNotInRepertoire));
            Assert.That(DatabaseOutageLog.IsDatabaseFailure(refused), Is.False);
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
}
