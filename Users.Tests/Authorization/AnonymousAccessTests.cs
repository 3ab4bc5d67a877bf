using System.Net;
using System.Text;
using Users.Application.Users;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.Authorization;

/// <summary>Every endpoint of the users resource wants a bearer token; without one nothing is read or changed.</summary>
public sealed class AnonymousAccessTests : DatabaseTest
{
    public static IEnumerable<TestCaseData> Endpoints()
    {
        yield return Case("POST", UsersClient.Path, """{"email":"eve@example.com","fullName":"Eve"}""");
        yield return Case("GET", UsersClient.Path);
        yield return Case("GET", $"{UsersClient.Path}/{{id}}");
        yield return Case("PATCH", $"{UsersClient.Path}/{{id}}", """{"fullName":"Changed"}""");
        yield return Case("DELETE", $"{UsersClient.Path}/{{id}}");
        yield return Case("GET", MeClient.Path);
        yield return Case("PATCH", MeClient.Path, """{"fullName":"Changed"}""");
        yield return Case("PUT", MeClient.PasswordPath, """{"currentPassword":"violet anchor maple drums","newPassword":"copper lantern quietly rowing"}""");
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Anonymous_request_gets_401_problem_with_a_bearer_challenge(string method, string path, string? body)
    {
        var user = await Client.CreateUserAsync();
        using var request = Request(method, path.Replace("{id}", user.User.Id.ToString(), StringComparison.Ordinal), body);

        using var response = await Anonymous.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Anonymous_request_changes_nothing(string method, string path, string? body)
    {
        var user = await Client.CreateUserAsync();
        using var request = Request(method, path.Replace("{id}", user.User.Id.ToString(), StringComparison.Ordinal), body);

        using var response = await Anonymous.SendAsync(request);

        using var list = await Client.GetAsync(UsersClient.Path);
        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(page.Items.Select(item => (item.Id, item.FullName, item.UpdatedAt)), Is.EqualTo(new[] { (user.User.Id, user.User.FullName, user.User.UpdatedAt) }));
        }
    }

    private static HttpRequestMessage Request(string method, string path, string? body) =>
        new(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };

    private static TestCaseData Case(string method, string path, string? body = null) =>
        new TestCaseData(method, path, body).SetArgDisplayNames(method, path.Replace(UsersClient.Path, "users", StringComparison.Ordinal));
}
