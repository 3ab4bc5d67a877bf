using System.Net;
using Users.Domain.Users;
using Users.Tests.Support;

namespace Users.Tests.Admin;

/// <summary>
/// At least one stored, active admin remains: the last one can be neither deactivated, demoted nor deleted, and an
/// inactive admin does not count.
/// </summary>
public sealed class LastActiveAdminTests : DatabaseTest
{
    [TestCaseSource(typeof(AdminRemovals), nameof(AdminRemovals.All))]
    public async Task The_last_active_admin_removing_itself_gets_409_saying_why_and_nothing_changes(Func<HttpClient, Guid, Task<HttpResponseMessage>> removal)
    {
        using var admin = await App.SignInAsAdminAsync();
        var before = await Client.ReadUserAsync(admin.Id);

        using var response = await removal(admin.Client, admin.Id);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        var after = await Client.ReadUserAsync(admin.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Is.EqualTo(AdminRemovals.LastAdminDetail));
            Assert.That((after.IsActive, after.Role, after.FullName, after.UpdatedAt), Is.EqualTo((true, UserRole.Admin, before.FullName, before.UpdatedAt)));
        }
    }

    [TestCaseSource(typeof(AdminRemovals), nameof(AdminRemovals.All))]
    public async Task The_last_active_admin_cannot_be_removed_by_an_admin_token_of_no_stored_account(Func<HttpClient, Guid, Task<HttpResponseMessage>> removal)
    {
        using var admin = await App.SignInAsAdminAsync();

        using var response = await removal(Client, admin.Id);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Is.EqualTo(AdminRemovals.LastAdminDetail));
            Assert.That(await Client.ActiveAdminIdsAsync(), Is.EqualTo(new[] { admin.Id }));
        }
    }

    [TestCaseSource(typeof(AdminRemovals), nameof(AdminRemovals.All))]
    public async Task An_inactive_admin_does_not_count_as_another_active_admin(Func<HttpClient, Guid, Task<HttpResponseMessage>> removal)
    {
        using var admin = await App.SignInAsAdminAsync();
        using var created = await Client.PostUserAsync(new { email = "dormant@example.com", fullName = "Dormant Admin", role = "admin", isActive = false });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var response = await removal(admin.Client, admin.Id);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.That(problem.Detail, Is.EqualTo(AdminRemovals.LastAdminDetail));
    }

    [TestCaseSource(typeof(AdminRemovals), nameof(AdminRemovals.All))]
    public async Task With_another_active_admin_an_admin_may_remove_itself(Func<HttpClient, Guid, Task<HttpResponseMessage>> removal)
    {
        using var admin = await App.SignInAsAdminAsync("first@example.com");
        using var other = await App.SignInAsAdminAsync("second@example.com");

        using var response = await removal(admin.Client, admin.Id);

        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        Assert.That(await Client.ActiveAdminIdsAsync(), Is.EqualTo(new[] { other.Id }));
    }

    [TestCaseSource(typeof(AdminRemovals), nameof(AdminRemovals.All))]
    public async Task With_another_active_admin_an_admin_may_remove_the_other(Func<HttpClient, Guid, Task<HttpResponseMessage>> removal)
    {
        using var admin = await App.SignInAsAdminAsync("first@example.com");
        using var other = await App.SignInAsAdminAsync("second@example.com");

        using var response = await removal(admin.Client, other.Id);

        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        Assert.That(await Client.ActiveAdminIdsAsync(), Is.EqualTo(new[] { admin.Id }));
    }

    [Test]
    public async Task An_ordinary_user_may_be_deactivated_and_deleted_while_only_one_admin_is_active()
    {
        using var admin = await App.SignInAsAdminAsync();
        var user = await admin.Client.CreateUserAsync();

        using var deactivated = await admin.Client.PatchUserAsync(user.User.Id, new { isActive = false });
        using var deleted = await admin.Client.DeleteUserAsync(user.User.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deactivated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }
    }
}
