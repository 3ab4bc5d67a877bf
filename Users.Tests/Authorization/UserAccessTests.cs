using Users.Application.Accounts;
using Users.Application.Errors;
using Users.Application.Users;
using Users.Domain.Users;

namespace Users.Tests.Authorization;

/// <summary>The rules of who may touch whom, without HTTP or a database.</summary>
public sealed class UserAccessTests
{
    private static readonly Guid Self = Guid.CreateVersion7();
    private static readonly Guid Someone = Guid.CreateVersion7();

    private static readonly Caller User = new(Self, UserRole.User);
    private static readonly Caller Admin = new(Self, UserRole.Admin);

    [Test]
    public void User_sees_their_own_account() => Assert.That(UserAccess.CanSee(User, Self), Is.True);

    [Test]
    public void User_does_not_see_another_account() => Assert.That(UserAccess.CanSee(User, Someone), Is.False);

    [Test]
    public void Admin_sees_their_own_and_every_other_account()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(UserAccess.CanSee(Admin, Self), Is.True);
            Assert.That(UserAccess.CanSee(Admin, Someone), Is.True);
        }
    }

    [Test]
    public void EnsureAdmin_refuses_a_user_naming_the_action() =>
        Assert.That(
            () => UserAccess.EnsureAdmin(User, "list users"),
            Throws.TypeOf<ForbiddenException>().With.Message.EqualTo("Only admins may list users."));

    [Test]
    public void EnsureAdmin_lets_an_admin_through() => Assert.That(() => UserAccess.EnsureAdmin(Admin, "list users"), Throws.Nothing);

    public static IEnumerable<TestCaseData> OwnDetails()
    {
        yield return new TestCaseData(new UpdateUserRequest { Email = "new@example.com" }).SetArgDisplayNames("email");
        yield return new TestCaseData(new UpdateUserRequest { FullName = "New Name" }).SetArgDisplayNames("fullName");
        yield return new TestCaseData(new UpdateUserRequest { Email = "new@example.com", FullName = "New Name" }).SetArgDisplayNames("both");
    }

    public static IEnumerable<TestCaseData> AccessFields()
    {
        yield return new TestCaseData(new UpdateUserRequest { IsActive = false }).SetArgDisplayNames("isActive_false");
        yield return new TestCaseData(new UpdateUserRequest { IsActive = true }).SetArgDisplayNames("isActive_true");
        yield return new TestCaseData(new UpdateUserRequest { Role = UserRole.Admin }).SetArgDisplayNames("role_admin");
        yield return new TestCaseData(new UpdateUserRequest { Role = UserRole.User }).SetArgDisplayNames("role_user");
        yield return new TestCaseData(new UpdateUserRequest { FullName = "New Name", Role = UserRole.Admin }).SetArgDisplayNames("fullName_and_role");
    }

    [TestCaseSource(nameof(OwnDetails))]
    public void EnsureCanChange_lets_a_user_change_email_and_name(UpdateUserRequest request) =>
        Assert.That(() => UserAccess.EnsureCanChange(User, request), Throws.Nothing);

    [TestCaseSource(nameof(AccessFields))]
    public void EnsureCanChange_refuses_a_user_any_active_flag_or_role_even_the_current_one(UpdateUserRequest request) =>
        Assert.That(
            () => UserAccess.EnsureCanChange(User, request),
            Throws.TypeOf<ForbiddenException>().With.Message.EqualTo("Only admins may change whether an account is active or its role."));

    [TestCaseSource(nameof(AccessFields))]
    [TestCaseSource(nameof(OwnDetails))]
    public void EnsureCanChange_lets_an_admin_change_anything(UpdateUserRequest request) =>
        Assert.That(() => UserAccess.EnsureCanChange(Admin, request), Throws.Nothing);
}
