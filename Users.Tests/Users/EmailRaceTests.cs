using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Users.Infrastructure.Persistence;
using Users.Tests.Support;

namespace Users.Tests.Users;

public sealed class EmailRaceTests : DatabaseTest
{
    private const int Racers = 24;
    private const string SharedEmail = "racer@example.com";

    [Test]
    public async Task Concurrent_creates_of_one_email_in_different_cases_give_one_201_the_rest_409_and_store_one_user()
    {
        var requests = Enumerable.Range(0, Racers)
            .Select(i => Client.PostUserAsync(new { email = CaseVariant(SharedEmail, i), fullName = $"Racer {i}" }));

        var statuses = await StatusesAsync(requests);

        var stored = await CountUsersWithSharedEmailAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Has.None.GreaterThanOrEqualTo(500), string.Join(", ", statuses));
            Assert.That(statuses.Count(status => status == (int)HttpStatusCode.Created), Is.EqualTo(1), string.Join(", ", statuses));
            Assert.That(statuses.Count(status => status == (int)HttpStatusCode.Conflict), Is.EqualTo(Racers - 1), string.Join(", ", statuses));
            Assert.That(stored, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Concurrent_patches_of_different_users_to_one_email_give_one_200_and_the_rest_409()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < Racers; i++)
        {
            ids.Add((await Client.CreateUserAsync(email: $"user{i}@example.com", fullName: $"User {i}")).User.Id);
        }

        var requests = ids.Select((id, i) => Client.PatchUserAsync(id, new { email = CaseVariant(SharedEmail, i) }));

        var statuses = await StatusesAsync(requests);

        var ok = statuses.Count(status => status == (int)HttpStatusCode.OK);
        var stored = await CountUsersWithSharedEmailAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Has.None.GreaterThanOrEqualTo(500), string.Join(", ", statuses));
            Assert.That(ok, Is.EqualTo(1), string.Join(", ", statuses));
            Assert.That(statuses.Count(status => status == (int)HttpStatusCode.Conflict), Is.EqualTo(Racers - ok), string.Join(", ", statuses));
            Assert.That(stored, Is.EqualTo(ok));
        }
    }

    /// <summary>The email with the letters whose position is a set bit of <paramref name="variant"/> in upper case.</summary>
    private static string CaseVariant(string email, int variant) =>
        string.Concat(email.Select((c, i) => i < 31 && ((variant >> i) & 1) == 1 ? char.ToUpperInvariant(c) : c));

    private static async Task<int[]> StatusesAsync(IEnumerable<Task<HttpResponseMessage>> requests)
    {
        var responses = await Task.WhenAll(requests);
        try
        {
            return [.. responses.Select(response => (int)response.StatusCode)];
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private Task<int> CountUsersWithSharedEmailAsync() =>
        Services.GetRequiredService<UsersDbContext>().Users
            .CountAsync(user => EF.Functions.ILike(user.Email, SharedEmail));
}
