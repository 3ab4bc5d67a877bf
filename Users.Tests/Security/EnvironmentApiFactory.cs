using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>
/// The real application in the given environment with the test database, the test's signing key and exactly the other
/// settings a test gives (no test defaults), whose requests come from the peer address a test names in
/// <see cref="PeerAddressStartupFilter.Header"/>.
/// </summary>
public sealed class EnvironmentApiFactory(string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Users", TestDatabase.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in new Dictionary<string, string?>(TestKeys.Settings).Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressStartupFilter>());
    }
}
