using Microsoft.Extensions.DependencyInjection;

namespace Users.Tests.Support;

/// <summary>
/// A test that starts from empty tables and the real time, and can reach the app over HTTP (as an admin by default,
/// or anonymously, or signed in through <see cref="App"/>) or through its services.
/// </summary>
public abstract class DatabaseTest
{
    private AsyncServiceScope _scope;

    protected static UsersApiFactory App => TestEnvironment.Factory;

    /// <summary>A client signed in as an admin that is not stored, so the users table holds only what the test adds.</summary>
    protected HttpClient Client { get; private set; } = null!;

    protected HttpClient Anonymous { get; private set; } = null!;

    protected IServiceProvider Services => _scope.ServiceProvider;

    [SetUp]
    public async Task ResetStateAsync()
    {
        await TestDatabase.ResetAsync();
        App.Clock.Reset();
        Client = App.AsAdmin();
        Anonymous = App.Anonymous();
        _scope = App.Services.CreateAsyncScope();
    }

    [TearDown]
    public async Task DisposeScopeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await _scope.DisposeAsync();
    }
}
