using Microsoft.AspNetCore.Mvc.Testing;
using Users.Tests.Support;

namespace Users.Tests.Api;

/// <summary>
/// A bad setting stops the service at start-up with a message that names the setting. Program.cs reports start-up
/// failures on standard error and exits, so the message is looked for there as well as in what the factory throws.
/// </summary>
[NonParallelizable]
public sealed class StartupConfigurationTests
{
    [TestCase("", TestName = "App_does_not_start_when_the_connection_string_is_empty")]
    [TestCase("   ", TestName = "App_does_not_start_when_the_connection_string_is_blank")]
    [TestCase("Host=;Port=abc", TestName = "App_does_not_start_when_the_connection_string_is_malformed")]
    [TestCase("Port=5432;Database=users", TestName = "App_does_not_start_when_the_connection_string_names_no_host")]
    public async Task App_does_not_start_with_a_bad_connection_string(string connectionString)
    {
        await using var factory = new UsersApiFactory(connectionString);

        var (failure, report) = Start(factory);

        AssertRefusedNaming(failure, report, "ConnectionStrings:Users");
    }

    [Test]
    public async Task App_does_not_start_when_the_connection_string_is_missing()
    {
        await using var factory = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = null,
            ["Database:MigrateOnStartup"] = "false",
        });

        var (failure, report) = Start(factory);

        AssertRefusedNaming(failure, report, "ConnectionStrings:Users");
    }

    [Test]
    public async Task App_does_not_start_when_MigrateOnStartup_is_not_a_boolean()
    {
        await using var factory = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
            ["Database:MigrateOnStartup"] = "maybe",
        });

        var (failure, report) = Start(factory);

        AssertRefusedNaming(failure, report, "Database:MigrateOnStartup");
    }

    [TestCase("Accounts:MinPasswordScore", "5")]
    [TestCase("Accounts:PasswordHashIterations", "1000")]
    [TestCase("Accounts:RefreshTokenLifetime", "-1.00:00:00")]
    [TestCase("RateLimits:PerClientIp:PermitLimit", "0")]
    [TestCase("RateLimits:PerEmail:Window", "00:00:00")]
    public async Task App_does_not_start_with_an_out_of_range_account_setting(string setting, string value)
    {
        await using var factory = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
            ["Database:MigrateOnStartup"] = "false",
            [setting] = value,
        });

        var (failure, report) = Start(factory);

        AssertRefusedNaming(failure, report, setting);
    }

    [Test]
    public async Task App_starts_when_the_settings_are_valid()
    {
        await using var factory = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
            ["Database:MigrateOnStartup"] = "false",
        });

        var (failure, report) = Start(factory);

        Assert.That(failure, Is.Null, report);
    }

    /// <summary>Starts the app; returns what it threw (null if it started) and what it wrote to standard error.</summary>
    private static (Exception? Failure, string StandardError) Start<TFactory>(TFactory factory)
        where TFactory : WebApplicationFactory<Program>
    {
        var original = Console.Error;
        using var standardError = new StringWriter();
        Console.SetError(standardError);
        try
        {
            factory.CreateClient().Dispose();
            return (null, standardError.ToString());
        }
#pragma warning disable CA1031 // Whatever stops the app is the subject of the test.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (exception, standardError.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    private static void AssertRefusedNaming(Exception? failure, string standardError, string setting)
    {
        var said = string.Join(Environment.NewLine, [standardError, .. Messages(failure)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure, Is.Not.Null, "the app started");
            Assert.That(said, Does.Contain(setting));
        }
    }

    /// <summary>The messages of an exception and of every exception inside it.</summary>
    private static List<string> Messages(Exception? exception)
    {
        var messages = new List<string>();
        var pending = new Stack<Exception>();
        if (exception is not null)
        {
            pending.Push(exception);
        }

        while (pending.TryPop(out var current))
        {
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return messages;
    }
}
