using System.Net;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

public sealed class CreateUserTests : DatabaseTest
{
    [Test]
    public async Task Create_returns_201_with_location_etag_and_the_user()
    {
        using var response = await Client.PostUserAsync(new { email = " Ada@Example.com ", fullName = "  Ada Lovelace " });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var user = await response.ReadAsync<UserResponse>();
        Assert.Multiple(() =>
        {
            Assert.That(user.Email, Is.EqualTo("Ada@Example.com"));
            Assert.That(user.FullName, Is.EqualTo("Ada Lovelace"));
            Assert.That(user.IsActive, Is.True);
            Assert.That(user.Id.Version, Is.EqualTo(7));
            Assert.That(user.UpdatedAt, Is.EqualTo(user.CreatedAt));
            Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo($"{UsersClient.Path}/{user.Id}"));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(response.Headers.ETag!.IsWeak, Is.False);
        });
    }

    [Test]
    public async Task Create_returns_409_when_email_differs_only_in_case()
    {
        await Client.CreateUserAsync(email: "grace@example.com");

        using var response = await Client.PostUserAsync(new { email = "GRACE@example.COM", fullName = "Grace Hopper" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.ReadAsync<Problem>();
        Assert.That(problem.Status, Is.EqualTo(409));
    }
}
