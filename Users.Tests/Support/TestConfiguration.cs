using Microsoft.Extensions.Configuration;

namespace Users.Tests.Support;

/// <summary>
/// Where the tests find their servers: appsettings.Tests.json (what scripts/test.sh starts), overridden by environment
/// variables such as <c>ConnectionStrings__UsersTests</c> or <c>Smtp4dev__ApiUrl</c>.
/// </summary>
public static class TestConfiguration
{
    public static IConfiguration Root { get; } = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.Tests.json", optional: false)
        .AddEnvironmentVariables()
        .Build();
}
