using System.Net;
using Npgsql;
using Users.Domain.Users;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.Admin;

/// <summary>A deleted account takes its sign-ins with it: its refresh tokens are deleted by the database's cascade.</summary>
public sealed class UserDeletionTests : DatabaseTest
{
    [Test]
    public async Task Deleting_a_user_deletes_their_refresh_tokens()
    {
        using var user = await App.SignInAsync(UserRole.User, withPassword: true);
        var signIn = await Anonymous.TokenAsync(user.Email);
        var storedBefore = await StoredRefreshTokensAsync(user.Id);

        using var deleted = await Client.DeleteUserAsync(user.Id);

        using var refresh = await Anonymous.PostRefreshAsync(signIn.RefreshToken);
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ProblemAssert.IsProblemAsync(refresh, HttpStatusCode.Unauthorized);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(storedBefore, Is.EqualTo(1));
            Assert.That(await StoredRefreshTokensAsync(user.Id), Is.Zero);
        }
    }

    private static async Task<long> StoredRefreshTokensAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM refresh_tokens WHERE user_id = $1", connection)
        {
            Parameters = { new() { Value = userId } },
        };
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
