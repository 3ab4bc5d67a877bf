using Microsoft.Extensions.DependencyInjection;

namespace Users.Tests.Support;

/// <summary>A test that starts from empty tables and can reach the app over HTTP or through its services.</summary>
public abstract class DatabaseTest
{
    private AsyncServiceScope _scope;

    protected HttpClient Client { get; private set; } = null!;

    protected IServiceProvider Services => _scope.ServiceProvider;

    [SetUp]
    public async Task ResetStateAsync()
    {
        await TestDatabase.ResetAsync();
        Client = TestEnvironment.Factory.CreateClient();
        _scope = TestEnvironment.Factory.Services.CreateAsyncScope();
    }

    [TearDown]
    public async Task DisposeScopeAsync()
    {
        Client.Dispose();
        await _scope.DisposeAsync();
    }
}
