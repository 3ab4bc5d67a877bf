using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Users.Application.Accounts;
using Users.Domain.Users;

namespace Users.Tests.Support;

/// <summary>Clients of any test app that carry a real access token from the app's own issuer.</summary>
public static class TestClients
{
    /// <summary>A client carrying a fresh access token for this user, stored or not.</summary>
    public static HttpClient ClientFor(this WebApplicationFactory<Program> factory, User user)
    {
        var client = factory.CreateClient();
        var token = factory.Services.GetRequiredService<IAccessTokenIssuer>().Issue(user);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return client;
    }

    /// <summary>
    /// A client whose token names an admin that is not stored: for tests of what admins may do that must not see an
    /// extra account in the table. Tests of rules about stored admins sign in as one instead.
    /// </summary>
    public static HttpClient AsAdmin(this WebApplicationFactory<Program> factory) =>
        factory.ClientFor(User.Create("root@users.test", "Test Admin", isActive: true, UserRole.Admin, DateTimeOffset.UtcNow));
}
