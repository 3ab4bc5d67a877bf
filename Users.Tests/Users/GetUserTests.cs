using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

public sealed class GetUserTests : DatabaseTest
{
    [Test]
    public async Task Get_returns_200_with_the_body_and_etag_the_create_returned()
    {
        using var created = await Client.PostUserAsync(new { email = "ada@example.com", fullName = "Ada Lovelace", isActive = false });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var createdBody = await created.Content.ReadAsStringAsync();

        using var response = await Client.GetAsync(created.Headers.Location);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(createdBody)), Is.True, $"GET {body}\nPOST {createdBody}");
            Assert.That(response.Headers.ETag, Is.EqualTo(created.Headers.ETag));
        }
    }

    [Test]
    public async Task Get_returns_the_timestamps_exactly_as_the_create_did()
    {
        using var created = await Client.PostUserAsync(new { email = "ada@example.com", fullName = "Ada Lovelace" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var createdBody = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = createdBody.RootElement.GetProperty("id").GetGuid();

        using var response = await Client.GetAsync($"{UsersClient.Path}/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using (Assert.EnterMultipleScope())
        {
            foreach (var name in new[] { "createdAt", "updatedAt" })
            {
                var read = body.RootElement.GetProperty(name);
                var written = createdBody.RootElement.GetProperty(name);
                Assert.That(read.GetString(), Is.EqualTo(written.GetString()), name);
                Assert.That(read.GetDateTimeOffset().UtcTicks, Is.EqualTo(written.GetDateTimeOffset().UtcTicks), name);
            }
        }
    }

    [Test]
    public async Task Get_returns_the_user_a_helper_created()
    {
        var created = await Client.CreateUserAsync(email: "grace@example.com", fullName: "Grace Hopper");

        using var response = await Client.GetAsync($"{UsersClient.Path}/{created.User.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var user = await response.ReadAsync<UserResponse>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.Id, Is.EqualTo(created.User.Id));
            Assert.That(user.Email, Is.EqualTo("grace@example.com"));
            Assert.That(user.FullName, Is.EqualTo("Grace Hopper"));
            Assert.That(response.Headers.ETag!.Tag, Is.EqualTo(created.ETag));
        }
    }

    [Test]
    public async Task Get_returns_404_problem_for_an_unknown_id()
    {
        await Client.CreateUserAsync();

        using var response = await Client.GetAsync($"{UsersClient.Path}/{Guid.CreateVersion7()}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    public static IEnumerable<TestCaseData> IllFormedIds()
    {
        yield return new TestCaseData("not-a-guid").SetArgDisplayNames("not-a-guid");
        yield return new TestCaseData("123").SetArgDisplayNames("123");
        yield return new TestCaseData(Guid.CreateVersion7() + "0").SetArgDisplayNames("a GUID and one more digit");
        yield return new TestCaseData(new string('a', 2000)).SetArgDisplayNames("2000 letters");
    }

    [TestCaseSource(nameof(IllFormedIds))]
    public async Task Get_returns_404_problem_for_an_ill_formed_id(string id)
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}/{id}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
