using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Users.Api;
using Users.Application;
using Users.Application.Accounts;
using Users.Application.Users;
using Users.Infrastructure;
using Users.Infrastructure.Jobs;
using Users.Tests.Support;

namespace Users.Tests.Architecture;

/// <summary>
/// The service checks its container once at start-up instead of on every resolution; this keeps the lifetimes of
/// the application's own registrations honest (no singleton holding a scoped service, nothing scoped from the root).
/// </summary>
public sealed class ServiceRegistrationTests
{
    private ServiceProvider _provider = null!;

    [SetUp]
    public void BuildWithScopeValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestSettings.With(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
                ["Jwt:Issuer"] = "users",
                ["Jwt:Audience"] = "users-api",
            }))
            .Build();
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        services.AddUsersApplication(configuration);
        services.AddUsersInfrastructure(configuration);
        services.AddUsersJobs(configuration);
        services.AddUsersAccessTokens(configuration);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [TearDown]
    public void DisposeProvider() => _provider.Dispose();

    [Test]
    public async Task User_service_resolves_in_a_request_scope()
    {
        await using var scope = _provider.CreateAsyncScope();

        var service = scope.ServiceProvider.GetService<UserService>();

        Assert.That(service, Is.Not.Null);
    }

    [Test]
    public async Task Account_service_resolves_in_a_request_scope()
    {
        await using var scope = _provider.CreateAsyncScope();

        var service = scope.ServiceProvider.GetService<AccountService>();

        Assert.That(service, Is.Not.Null);
    }

    [Test]
    public async Task Outbox_job_resolves_in_a_job_scope()
    {
        await using var scope = _provider.CreateAsyncScope();

        var job = scope.ServiceProvider.GetService<OutboxJob>();

        Assert.That(job, Is.Not.Null);
    }

    [Test]
    public void User_service_does_not_resolve_from_the_root_container()
    {
        Assert.That(() => _provider.GetRequiredService<UserService>(), Throws.InvalidOperationException);
    }
}
