using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Tests.Support;

namespace Users.Tests.Authorization;

/// <summary>
/// To an ordinary user another account does not exist: reading or changing it answers exactly as an unknown id
/// does (the id in the detail aside), and deleting it is refused as deleting any account is.
/// </summary>
public sealed class UserOnOtherUserTests : DatabaseTest
{
    private SignedInUser _user = null!;
    private CreatedUser _other = null!;

    [SetUp]
    public async Task ArrangeUsersAsync()
    {
        _user = await App.SignInAsync(UserRole.User, "user@example.com");
        _other = await Client.CreateUserAsync("other@example.com", "Other User");
    }

    [TearDown]
    public void SignOut() => _user.Dispose();

    public static IEnumerable<TestCaseData> HiddenRequests()
    {
        yield return new TestCaseData("GET", null).SetArgDisplayNames("GET");
        yield return new TestCaseData("PATCH", """{"fullName":"Changed"}""").SetArgDisplayNames("PATCH_name");
        yield return new TestCaseData("PATCH", """{"isActive":false}""").SetArgDisplayNames("PATCH_isActive");
        yield return new TestCaseData("PATCH", """{"role":"admin"}""").SetArgDisplayNames("PATCH_role");
    }

    [TestCaseSource(nameof(HiddenRequests))]
    public async Task Another_users_account_answers_404_exactly_like_an_unknown_id(string method, string? body)
    {
        var unknownId = Guid.CreateVersion7();
        using var otherRequest = Request(method, _other.User.Id, body);
        using var unknownRequest = Request(method, unknownId, body);

        using var forOther = await _user.Client.SendAsync(otherRequest);
        using var forUnknown = await _user.Client.SendAsync(unknownRequest);

        await ProblemAssert.IsProblemAsync(forOther, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(forUnknown, HttpStatusCode.NotFound);
        var otherShape = await ShapeAsync(forOther, _other.User.Id);
        var unknownShape = await ShapeAsync(forUnknown, unknownId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(otherShape.ToJsonString(), Is.EqualTo(unknownShape.ToJsonString()));
            Assert.That(HeaderNames(forOther), Is.EqualTo(HeaderNames(forUnknown)));
        }
    }

    [TestCaseSource(nameof(HiddenRequests))]
    public async Task Another_users_account_is_left_as_it_was(string method, string? body)
    {
        using var request = Request(method, _other.User.Id, body);

        using var response = await _user.Client.SendAsync(request);

        using var get = await Client.GetAsync($"{UsersClient.Path}/{_other.User.Id}");
        var stored = await get.ReadAsync<UserResponse>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((stored.FullName, stored.IsActive, stored.Role, stored.UpdatedAt), Is.EqualTo((_other.User.FullName, true, UserRole.User, _other.User.UpdatedAt)));
        }
    }

    [Test]
    public async Task Deleting_another_users_account_is_403_like_deleting_an_unknown_id_and_the_account_stays()
    {
        using var forOther = await _user.Client.DeleteUserAsync(_other.User.Id);
        using var forUnknown = await _user.Client.DeleteUserAsync(Guid.CreateVersion7());

        var otherProblem = await ProblemAssert.IsProblemAsync(forOther, HttpStatusCode.Forbidden);
        var unknownProblem = await ProblemAssert.IsProblemAsync(forUnknown, HttpStatusCode.Forbidden);
        using var get = await Client.GetAsync($"{UsersClient.Path}/{_other.User.Id}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(otherProblem.Detail, Is.EqualTo(unknownProblem.Detail));
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    private static HttpRequestMessage Request(string method, Guid id, string? body) =>
        new(new HttpMethod(method), $"{UsersClient.Path}/{id}")
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };

    /// <summary>The problem without what differs between any two answers (its trace id) and with the id replaced.</summary>
    private static async Task<JsonObject> ShapeAsync(HttpResponseMessage response, Guid id)
    {
        var text = (await response.Content.ReadAsStringAsync()).Replace(id.ToString(), "{id}", StringComparison.OrdinalIgnoreCase);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.That(problem.Remove("traceId"), Is.True, text);
        return problem;
    }

    private static string[] HeaderNames(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers).Select(header => header.Key).Where(name => name != "Date").Order(StringComparer.OrdinalIgnoreCase)];
}
