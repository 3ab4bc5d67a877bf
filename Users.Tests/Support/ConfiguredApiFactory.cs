using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Users.Tests.Support;

/// <summary>
/// The real application with exactly the settings a test gives (a null value removes a setting) plus, unless told
/// otherwise, the test's signing key; in the given environment, optionally with an extra logger provider to observe
/// what it logs. Requests come from the peer a test names in <see cref="PeerAddressStartupFilter.Header"/>. It stops
/// without a drain unless the test sets <c>Hosting:DrainTime</c>.
/// </summary>
public sealed class ConfiguredApiFactory(
    IReadOnlyDictionary<string, string?> settings, string environment = "Testing", ILoggerProvider? logger = null, bool withTestKey = true)
    : WebApplicationFactory<Program>
{
    /// <summary>
    /// The app on the test database (migrated already, so it migrates nothing) with <paramref name="settings"/> on top:
    /// what a test of start-up settings needs.
    /// </summary>
    public static ConfiguredApiFactory OnTestDatabase(IReadOnlyDictionary<string, string?> settings, string environment = "Testing")
    {
        var merged = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
            ["Database:MigrateOnStartup"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        return new ConfiguredApiFactory(merged, environment);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Hosting:DrainTime", "00:00:00");
        var keys = withTestKey ? TestKeys.Settings : new Dictionary<string, string?>();
        foreach (var (key, value) in keys.Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, PeerAddressStartupFilter>();
            if (logger is not null)
            {
                services.AddLogging(logging => logging.AddProvider(logger));
            }
        });
    }
}
