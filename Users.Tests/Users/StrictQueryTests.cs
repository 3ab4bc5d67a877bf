using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Users;

/// <summary>
/// The list's query parameters are taken as the OpenAPI document types them: given twice, or empty where a number or a
/// boolean is expected, they are refused with a 400 naming them, not read as the first value or as absent.
/// </summary>
public sealed class StrictQueryTests : DatabaseTest
{
    [TestCase("limit=", "limit")]
    [TestCase("isActive=", "isActive")]
    [TestCase("limit=5&limit=50", "limit")]
    [TestCase("isActive=true&isActive=false", "isActive")]
    [TestCase("search=ada&search=bob", "search")]
    [TestCase("LIMIT=5&limit=6", "limit")]
    [TestCase("limit=%2B5", "limit")]
    [TestCase("limit=%205", "limit")]
    [TestCase("limit=5.0", "limit")]
    [TestCase("isActive=True", "isActive")]
    [TestCase("isActive=%20true", "isActive")]
    [TestCase("isActive=1", "isActive")]
    public async Task List_refuses_an_empty_or_repeated_typed_parameter(string query, string field)
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}?{query}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [TestCase("limit=5")]
    [TestCase("limit=100")]
    [TestCase("isActive=false")]
    [TestCase("isActive=true")]
    [TestCase("unknown=&other=1&other=2")]
    public async Task List_takes_single_values_and_ignores_parameters_it_does_not_have(string query)
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
