using Microsoft.Extensions.DependencyInjection;
using Users.Application.Accounts;
using Users.Application.Common;
using Users.Application.Errors;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

public sealed class UserServiceTests : DatabaseTest
{
    private static readonly Caller Admin = new(Guid.CreateVersion7(), UserRole.Admin);

    private UserService Service => Services.GetRequiredService<UserService>();

    [Test]
    public async Task CreateAsync_then_GetAsync_returns_the_same_user_and_version()
    {
        var created = await Service.CreateAsync(Admin, new CreateUserRequest { Email = " Ada@Example.com ", FullName = " Ada Lovelace ", IsActive = false }, CancellationToken.None);

        var read = await InFreshScopeAsync(service => service.GetAsync(Admin, created.User.Id, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(read.User.Id, Is.EqualTo(created.User.Id));
            Assert.That(read.User.Email, Is.EqualTo("Ada@Example.com"));
            Assert.That(read.User.FullName, Is.EqualTo("Ada Lovelace"));
            Assert.That(read.User.IsActive, Is.False);
            Assert.That(read.User.CreatedAt, Is.EqualTo(created.User.CreatedAt));
            Assert.That(read.User.UpdatedAt, Is.EqualTo(created.User.UpdatedAt));
            Assert.That(read.Version, Is.EqualTo(created.Version));
        });
    }

    [Test]
    public async Task GetAsync_throws_NotFoundException_for_an_unknown_id()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(Admin, Guid.CreateVersion7(), CancellationToken.None));
    }

    [Test]
    public async Task CreateAsync_throws_EmailTakenException_for_an_email_in_other_case()
    {
        await Service.CreateAsync(Admin, new CreateUserRequest { Email = "grace@example.com", FullName = "Grace Hopper" }, CancellationToken.None);

        await using var scope = TestEnvironment.Factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<UserService>();
        await Assert.ThrowsAsync<EmailTakenException>(() =>
            service.CreateAsync(Admin, new CreateUserRequest { Email = "GRACE@Example.COM", FullName = "Other" }, CancellationToken.None));
    }

    [Test]
    public async Task UpdateAsync_throws_PreconditionFailedException_for_a_stale_version()
    {
        var created = await Service.CreateAsync(Admin, new CreateUserRequest { Email = "ada@example.com", FullName = "Ada" }, CancellationToken.None);
        await InFreshScopeAsync(service =>
            service.UpdateAsync(Admin, created.User.Id, new UpdateUserRequest { FullName = "First" }, ExpectedVersion.Any, CancellationToken.None));

        await using var scope = TestEnvironment.Factory.Services.CreateAsyncScope();
        var stale = scope.ServiceProvider.GetRequiredService<UserService>();
        await Assert.ThrowsAsync<PreconditionFailedException>(() => stale.UpdateAsync(Admin, created.User.Id, new UpdateUserRequest { FullName = "Second" }, ExpectedVersion.OneOf([created.Version]), CancellationToken.None));
    }

    [Test]
    public async Task DeleteAsync_then_GetAsync_throws_NotFoundException()
    {
        var created = await Service.CreateAsync(Admin, new CreateUserRequest { Email = "ada@example.com", FullName = "Ada" }, CancellationToken.None);
        await InFreshScopeAsync(async service =>
        {
            await service.DeleteAsync(Admin, created.User.Id, ExpectedVersion.Any, CancellationToken.None);
            return true;
        });

        await using var scope = TestEnvironment.Factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<UserService>();
        await Assert.ThrowsAsync<NotFoundException>(() => service.GetAsync(Admin, created.User.Id, CancellationToken.None));
    }

    [Test]
    public async Task ListAsync_pages_with_next_cursor_until_the_last_page()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = await InFreshScopeAsync(service => service.CreateAsync(Admin, new CreateUserRequest { Email = $"user{i}@example.com", FullName = $"User {i}" }, CancellationToken.None));
            ids.Add(created.User.Id);
        }

        var first = await Service.ListAsync(Admin, new ListUsersQuery { Limit = 2 }, CancellationToken.None);
        var second = await Service.ListAsync(Admin, new ListUsersQuery { Limit = 2, Cursor = first.NextCursor }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.Items, Has.Count.EqualTo(2));
            Assert.That(first.NextCursor, Is.Not.Null);
            Assert.That(second.Items, Has.Count.EqualTo(1));
            Assert.That(second.NextCursor, Is.Null);
            Assert.That(first.Items.Concat(second.Items).Select(user => user.Id), Is.EquivalentTo(ids));
        });
    }

    private static async Task<T> InFreshScopeAsync<T>(Func<UserService, Task<T>> action)
    {
        await using var scope = TestEnvironment.Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserService>());
    }
}
