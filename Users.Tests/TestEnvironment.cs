using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Users.Application.Imports;
using Users.Application.Jobs;
using Users.Tests.Imports;
using Users.Tests.Support;

namespace Users.Tests;

/// <summary>Prepares the test database once for the whole run and shares one application instance.</summary>
[SetUpFixture]
public sealed class TestEnvironment
{
    private static UsersApiFactory? s_factory;

    public static UsersApiFactory Factory => s_factory ?? throw new InvalidOperationException("The test environment is not set up.");

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await TestDatabase.InitializeAsync();
        s_factory = new UsersApiFactory(
            TestDatabase.ConnectionString,
            services: services => services.Replace(ServiceDescriptor.Scoped<IOutboxMessageHandler<ImportRequested>, ImportsLeftToTheTests>()));
    }

    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        if (s_factory is not null)
        {
            await s_factory.DisposeAsync();
        }

        await TestRedis.StopIfStartedAsync();
    }
}
