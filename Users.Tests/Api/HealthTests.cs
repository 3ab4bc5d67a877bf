using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Api;

public sealed class HealthTests : DatabaseTest
{
    /// <summary>Nothing listens on port 1, so every connection attempt is refused.</summary>
    private const string UnreachableDatabase = "Host=127.0.0.1;Port=1;Database=x;Username=postgres;Timeout=2";

    [Test]
    public async Task Live_returns_200()
    {
        using var response = await Client.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_returns_200_when_the_database_is_reachable()
    {
        using var response = await Client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Ready_returns_503_when_the_database_is_unreachable()
    {
        await using var factory = new UsersApiFactory(UnreachableDatabase);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task Live_returns_200_even_when_the_database_is_unreachable()
    {
        await using var factory = new UsersApiFactory(UnreachableDatabase);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
