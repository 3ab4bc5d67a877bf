using System.Net;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>
/// An If-Match that is not exactly <c>*</c> or a list of strong tags matches nothing: the write is refused with 412 and
/// nothing changes, rather than going ahead unchecked as if no condition had been sent.
/// </summary>
public sealed class IfMatchDefectTests : DatabaseTest
{
    private static readonly string[] Defective = ["******", "*, \"1\""];

    private static IEnumerable<TestCaseData> DefectiveHeaders() => Defective.Select(header => new TestCaseData(header).SetArgDisplayNames($"'{header}'"));

    [TestCaseSource(nameof(DefectiveHeaders))]
    public async Task PATCH_with_a_defective_If_Match_is_412_and_changes_nothing(string ifMatch)
    {
        var created = await Client.CreateUserAsync();

        using var response = await Client.PatchUserAsync(created.User.Id, new { fullName = "Changed" }, ifMatch);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        var stored = await GetAsync(created.User.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.User.FullName, Is.EqualTo(created.User.FullName));
            Assert.That(stored.ETag, Is.EqualTo(created.ETag));
        }
    }

    [TestCaseSource(nameof(DefectiveHeaders))]
    public async Task DELETE_with_a_defective_If_Match_is_412_and_the_user_stays(string ifMatch)
    {
        var created = await Client.CreateUserAsync();

        using var response = await Client.DeleteUserAsync(created.User.Id, ifMatch);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        using var stored = await Client.GetAsync($"{UsersClient.Path}/{created.User.Id}");
        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task PATCH_and_DELETE_with_an_empty_If_Match_are_412_and_change_nothing()
    {
        // The in-memory test server drops a header without a value; Kestrel passes it on, as it would from a client.
        await using var kestrel = new UsersApiFactory(TestDatabase.ConnectionString);
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        using var admin = kestrel.AsAdmin();
        var created = await admin.CreateUserAsync();

        using var patch = await admin.PatchUserAsync(created.User.Id, new { fullName = "Changed" }, ifMatch: string.Empty);
        using var delete = await admin.DeleteUserAsync(created.User.Id, ifMatch: string.Empty);

        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.PreconditionFailed);
        var stored = await GetAsync(created.User.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.User.FullName, Is.EqualTo(created.User.FullName));
            Assert.That(stored.ETag, Is.EqualTo(created.ETag));
        }
    }

    [Test]
    public async Task A_star_mixed_with_the_current_tag_still_matches_nothing()
    {
        var created = await Client.CreateUserAsync();

        using var response = await Client.PatchUserAsync(created.User.Id, new { fullName = "Changed" }, $"*, {created.ETag}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task PATCH_with_If_Match_star_goes_through()
    {
        var created = await Client.CreateUserAsync();

        using var response = await Client.PatchUserAsync(created.User.Id, new { fullName = "Changed" }, "*");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await GetAsync(created.User.Id)).User.FullName, Is.EqualTo("Changed"));
    }

    [Test]
    public async Task DELETE_with_If_Match_star_goes_through()
    {
        var created = await Client.CreateUserAsync();

        using var response = await Client.DeleteUserAsync(created.User.Id, "*");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        using var stored = await Client.GetAsync($"{UsersClient.Path}/{created.User.Id}");
        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<CreatedUser> GetAsync(Guid id)
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}/{id}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return new CreatedUser(await response.ReadAsync<UserResponse>(), response.Headers.ETag!.Tag);
    }
}
