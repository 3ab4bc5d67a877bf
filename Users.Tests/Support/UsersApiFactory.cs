using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Users.Application.Accounts;
using Users.Application.Common;
using Users.Application.Jobs;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Tests.Jobs;

namespace Users.Tests.Support;

/// <summary>
/// The real application, in memory, pointed at a database of the test's choosing, with <see cref="TestSettings"/>
/// under the test's own settings, a <see cref="TestClock"/>, the test-only outbox message <see cref="TestMessage"/>
/// (recorded in its <see cref="HandledTestMessages"/>, which an override may share), and any service overrides. Clients come anonymous,
/// as an admin (<see cref="TestClients.AsAdmin"/>), or signed in as a stored user, with real tokens from the app's own issuer.
/// </summary>
public sealed class UsersApiFactory(
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string Password = "violet anchor maple drums";

    public TestClock Clock { get; } = new();

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => CreateClient();

    /// <summary>Stores an active account of this role (with <see cref="Password"/> when asked) and signs a client in as it.</summary>
    public async Task<SignedInUser> SignInAsync(
        UserRole role = UserRole.User, string email = "user@example.com", string fullName = "Signed In", bool withPassword = false)
    {
        var user = User.Create(email, fullName, isActive: true, role, Clock.GetUtcNow());
        await using (var scope = Services.CreateAsyncScope())
        {
            if (withPassword)
            {
                user.SetPasswordHash(scope.ServiceProvider.GetRequiredService<IPasswordHasher>().Hash(Password), Clock.GetUtcNow());
            }

            scope.ServiceProvider.GetRequiredService<IUserRepository>().Add(user);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        }

        var client = this.ClientFor(user);
        return new SignedInUser(user.Id, user.Email, client.DefaultRequestHeaders.Authorization!.Parameter!, client);
    }

    public Task<SignedInUser> SignInAsAdminAsync(string email = "admin@example.com") => SignInAsync(UserRole.Admin, email, "An Admin");

    /// <summary>A stored ordinary user and a client signed in as it.</summary>
    public Task<SignedInUser> AsUserAsync(string email = "user@example.com", string fullName = "Signed In") =>
        SignInAsync(UserRole.User, email, fullName);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Users", connectionString);
        foreach (var (key, value) in TestSettings.With(settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(test =>
        {
            test.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            test.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddressStartupFilter>();
            test.TryAddSingleton<HandledTestMessages>();
            test.AddOutboxHandler<TestMessage, TestMessageHandler>();
            services?.Invoke(test);
        });
    }
}
