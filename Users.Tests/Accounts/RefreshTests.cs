using System.Net;
using Users.Application.Accounts;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Accounts;

public sealed class RefreshTests : DatabaseTest
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    [Test]
    public async Task Refresh_returns_a_new_pair_whose_access_token_works()
    {
        var user = await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();

        var refreshed = await Anonymous.RefreshAsync(signIn.RefreshToken);

        using var client = App.WithAccessToken(refreshed.AccessToken);
        using var me = await client.GetAsync(MeClient.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refreshed.TokenType, Is.EqualTo("Bearer"));
            Assert.That(refreshed.ExpiresIn, Is.EqualTo(900));
            Assert.That(refreshed.AccessToken, Is.Not.EqualTo(signIn.AccessToken));
            Assert.That(refreshed.RefreshToken, Is.Not.EqualTo(signIn.RefreshToken).And.Match("^[A-Za-z0-9_-]{43}$"));
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await me.ReadAsync<UserResponse>()).Id, Is.EqualTo(user.Id));
        }
    }

    [Test]
    public async Task Refresh_uses_up_the_token_it_was_given()
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        await Anonymous.RefreshAsync(signIn.RefreshToken);

        using var response = await Anonymous.PostRefreshAsync(signIn.RefreshToken);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Detail, Does.Contain("Sign in again"));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        }
    }

    [Test]
    public async Task Refresh_can_continue_a_chain_of_rotations()
    {
        await Anonymous.SignUpAsync();
        var tokens = await Anonymous.TokenAsync();

        for (var i = 0; i < 3; i++)
        {
            tokens = await Anonymous.RefreshAsync(tokens.RefreshToken);
        }

        Assert.That(await Anonymous.RefreshStatusAsync(tokens.RefreshToken), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Refresh_with_a_used_token_revokes_the_family()
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        var newest = await Anonymous.RefreshAsync(signIn.RefreshToken);

        var reuse = await Anonymous.RefreshStatusAsync(signIn.RefreshToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reuse, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await Anonymous.RefreshStatusAsync(newest.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized), "the newest token of the family");
        }
    }

    [Test]
    public async Task Refresh_with_a_used_token_leaves_the_users_other_sign_ins_alone()
    {
        await Anonymous.SignUpAsync();
        var stolen = await Anonymous.TokenAsync();
        var otherDevice = await Anonymous.TokenAsync();
        await Anonymous.RefreshAsync(stolen.RefreshToken);

        await Anonymous.RefreshStatusAsync(stolen.RefreshToken);

        Assert.That(await Anonymous.RefreshStatusAsync(otherDevice.RefreshToken), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Refresh_returns_401_once_the_sign_in_has_expired()
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        App.Clock.Advance(Lifetime + TimeSpan.FromMinutes(1));

        using var response = await Anonymous.PostRefreshAsync(signIn.RefreshToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Refresh_works_until_just_before_the_sign_in_expires()
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        App.Clock.Advance(Lifetime - TimeSpan.FromMinutes(1));

        Assert.That(await Anonymous.RefreshStatusAsync(signIn.RefreshToken), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Refresh_does_not_extend_the_lifetime_of_the_sign_in()
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        App.Clock.Advance(TimeSpan.FromDays(20));
        var rotated = await Anonymous.RefreshAsync(signIn.RefreshToken);

        // 31 days after the sign-in, but only 11 after the rotation.
        App.Clock.Advance(TimeSpan.FromDays(11));

        Assert.That(await Anonymous.RefreshStatusAsync(rotated.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Refresh_follows_the_configured_lifetime()
    {
        await using var app = new UsersApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string?> { ["Accounts:RefreshTokenLifetime"] = "01:00:00" });
        using var anonymous = app.Anonymous();
        await anonymous.SignUpAsync();
        var early = await anonymous.TokenAsync();
        var late = await anonymous.TokenAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(59));
        var beforeExpiry = await anonymous.RefreshStatusAsync(early.RefreshToken);

        app.Clock.Advance(TimeSpan.FromMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeExpiry, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await anonymous.RefreshStatusAsync(late.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [TestCase("not-a-token", TestName = "Refresh_returns_401_for_a_token_that_is_too_short")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Refresh_returns_401_for_a_well_formed_token_never_issued")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", TestName = "Refresh_returns_401_for_a_token_in_plain_base64")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", TestName = "Refresh_returns_401_for_a_padded_token")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Refresh_returns_401_for_a_token_one_character_too_long")]
    [TestCase("eyJhbGciOiJFUzI1NiJ9.e30.c2ln", TestName = "Refresh_returns_401_for_an_access_token_shaped_token")]
    public async Task Refresh_returns_401_for_a_token_it_did_not_issue(string refreshToken)
    {
        await Anonymous.SignUpAsync();
        await Anonymous.TokenAsync();

        using var response = await Anonymous.PostRefreshAsync(refreshToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Refresh_returns_401_for_a_user_deleted_since_signing_in()
    {
        var user = await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        using var deleted = await Client.DeleteUserAsync(user.Id);
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        using var response = await Anonymous.PostRefreshAsync(signIn.RefreshToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestCase("""{}""", TestName = "Refresh_returns_400_naming_refreshToken_when_it_is_missing")]
    [TestCase("""{"refreshToken":""}""", TestName = "Refresh_returns_400_naming_refreshToken_when_it_is_empty")]
    [TestCase("""{"refreshToken":42}""", TestName = "Refresh_returns_400_naming_refreshToken_when_it_is_not_a_string")]
    public async Task Refresh_returns_400_for_a_body_without_a_token(string body)
    {
        using var response = await Anonymous.PostJsonAsync(AuthClient.RefreshPath, body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "refreshToken");
    }

    /// <summary>
    /// Eight requests present one token at once. The first write to the token wins; every other request either reads
    /// it already used or loses the write to the winner, and both of those are reuse. So exactly one gets a pair, the
    /// rest get 401, and the family is revoked, the winner's new token included; another sign-in of the user survives.
    /// </summary>
    [Test]
    public async Task Concurrent_refreshes_with_one_token_give_one_pair_and_revoke_the_family()
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        var otherDevice = await Anonymous.TokenAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Anonymous.PostRefreshAsync(signIn.RefreshToken)));

        try
        {
            var statuses = responses.Select(response => response.StatusCode).ToList();
            Assert.That(statuses.Count(status => status == HttpStatusCode.OK), Is.EqualTo(1), string.Join(", ", statuses));
            Assert.That(statuses.Count(status => status == HttpStatusCode.Unauthorized), Is.EqualTo(7), string.Join(", ", statuses));
            var winner = await responses.Single(response => response.StatusCode == HttpStatusCode.OK).ReadAsync<TokenResponse>();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(await Anonymous.RefreshStatusAsync(winner.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized), "the winner's new token");
                Assert.That(await Anonymous.RefreshStatusAsync(otherDevice.RefreshToken), Is.EqualTo(HttpStatusCode.OK), "another sign-in");
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
