using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Api;

public sealed class ApiReferenceTests
{
    [TestCase("Development", HttpStatusCode.OK, TestName = "Api_reference_page_is_served_in_Development")]
    [TestCase("Production", HttpStatusCode.NotFound, TestName = "Api_reference_page_is_not_served_in_Production")]
    public async Task Api_reference_page_is_served_only_in_Development(string environment, HttpStatusCode expected)
    {
        await using var factory = ConfiguredApiFactory.OnTestDatabase(new Dictionary<string, string?>(), environment);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/scalar/v1");

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }
}
