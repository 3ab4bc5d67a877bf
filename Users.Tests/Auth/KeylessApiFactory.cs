using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Users.Tests.Auth;

/// <summary>
/// The real application with exactly the given settings and no <c>Jwt:Keys</c> at all. <see cref="Support.ConfiguredApiFactory"/>
/// always adds the test key, and nulling its settings leaves an empty <c>Jwt:Keys:0</c> that the binder still turns
/// into a key without an id.
/// </summary>
public sealed class KeylessApiFactory(IReadOnlyDictionary<string, string?> settings, string environment) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
