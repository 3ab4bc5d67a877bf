using Npgsql;
using Users.Infrastructure.Persistence;

namespace Users.Tests.Persistence;

public sealed class ServiceConnectionStringTests
{
    private const string Configured = "Host=db.internal;Port=5433;Database=users;Username=app";

    [Test]
    public void Adds_no_reset_on_close_and_auto_prepare_when_the_configured_string_says_nothing()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ServiceConnectionString.From(Configured));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tuned.NoResetOnClose, Is.True);
            Assert.That(tuned.MaxAutoPrepare, Is.EqualTo(ServiceConnectionString.MaxAutoPrepare));
        }
    }

    [Test]
    public void Keeps_where_the_configured_string_points()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ServiceConnectionString.From(Configured));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tuned.Host, Is.EqualTo("db.internal"));
            Assert.That(tuned.Port, Is.EqualTo(5433));
            Assert.That(tuned.Database, Is.EqualTo("users"));
            Assert.That(tuned.Username, Is.EqualTo("app"));
        }
    }

    [TestCase("No Reset On Close=false;Max Auto Prepare=0")]
    [TestCase("NoResetOnClose=false;MaxAutoPrepare=0")]
    public void Leaves_settings_the_configured_string_gives(string settings)
    {
        var tuned = new NpgsqlConnectionStringBuilder(ServiceConnectionString.From($"{Configured};{settings}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tuned.NoResetOnClose, Is.False);
            Assert.That(tuned.MaxAutoPrepare, Is.Zero);
        }
    }
}
