using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Users;

public sealed class DeleteUserTests : DatabaseTest
{
    [Test]
    public async Task Delete_returns_204_and_the_user_is_gone()
    {
        var user = await Client.CreateUserAsync();

        using var response = await Client.DeleteUserAsync(user.User.Id);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var get = await Client.GetAsync($"{UsersClient.Path}/{user.User.Id}");
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Delete_returns_404_the_second_time()
    {
        var user = await Client.CreateUserAsync();
        using var first = await Client.DeleteUserAsync(user.User.Id);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        using var response = await Client.DeleteUserAsync(user.User.Id);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Delete_returns_404_for_an_unknown_id()
    {
        using var response = await Client.DeleteUserAsync(Guid.CreateVersion7());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestCase("not-a-guid")]
    [TestCase("12345")]
    public async Task Delete_returns_404_for_an_ill_formed_id(string id)
    {
        using var response = await Client.DeleteAsync($"{UsersClient.Path}/{id}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Delete_returns_412_for_a_stale_if_match_and_keeps_the_user()
    {
        var user = await Client.CreateUserAsync();
        using var patched = await Client.PatchUserAsync(user.User.Id, new { fullName = "Changed Since" });
        Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await Client.DeleteUserAsync(user.User.Id, ifMatch: user.ETag);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        using var get = await Client.GetAsync($"{UsersClient.Path}/{user.User.Id}");
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Delete_returns_204_for_the_current_if_match()
    {
        var user = await Client.CreateUserAsync();

        using var response = await Client.DeleteUserAsync(user.User.Id, ifMatch: user.ETag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }
}
