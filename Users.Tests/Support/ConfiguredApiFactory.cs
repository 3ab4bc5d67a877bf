using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Users.Tests.Support;

/// <summary>
/// The real application with the test's signing key and exactly the other settings a test gives (a null value removes a
/// setting), in the given environment, optionally with an extra logger provider to observe what it logs.
/// </summary>
public sealed class ConfiguredApiFactory(
    IReadOnlyDictionary<string, string?> settings, string environment = "Testing", ILoggerProvider? logger = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in new Dictionary<string, string?>(TestKeys.Settings).Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        if (logger is not null)
        {
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(logger)));
        }
    }
}
