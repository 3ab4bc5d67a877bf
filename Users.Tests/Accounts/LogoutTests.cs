using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Accounts;

public sealed class LogoutTests : DatabaseTest
{
    [Test]
    public async Task Logout_returns_204_and_the_token_no_longer_refreshes()
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();

        using var response = await Anonymous.PostLogoutAsync(signIn.RefreshToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Anonymous.RefreshStatusAsync(signIn.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Logout_with_the_newest_token_ends_the_whole_sign_in()
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        var newest = await Anonymous.RefreshAsync(signIn.RefreshToken);

        using var response = await Anonymous.PostLogoutAsync(newest.RefreshToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Anonymous.RefreshStatusAsync(newest.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Logout_with_an_older_token_of_the_sign_in_ends_its_newest_token_too()
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        var newest = await Anonymous.RefreshAsync(signIn.RefreshToken);

        using var response = await Anonymous.PostLogoutAsync(signIn.RefreshToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Anonymous.RefreshStatusAsync(newest.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Logout_leaves_the_users_other_sign_ins_alone()
    {
        await Anonymous.SignUpAsync();
        var thisDevice = await Anonymous.TokenAsync();
        var otherDevice = await Anonymous.TokenAsync();

        using var response = await Anonymous.PostLogoutAsync(thisDevice.RefreshToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Anonymous.RefreshStatusAsync(otherDevice.RefreshToken), Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Logout_leaves_other_users_sign_ins_alone()
    {
        await Anonymous.SignUpAsync("ada@example.com", "Ada Lovelace");
        await Anonymous.SignUpAsync("grace@example.com", "Grace Hopper");
        var ada = await Anonymous.TokenAsync("ada@example.com");
        var grace = await Anonymous.TokenAsync("grace@example.com");

        using var response = await Anonymous.PostLogoutAsync(ada.RefreshToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Anonymous.RefreshStatusAsync(grace.RefreshToken), Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Logout_returns_204_for_a_well_formed_token_never_issued")]
    [TestCase("not-a-token", TestName = "Logout_returns_204_for_a_malformed_token")]
    public async Task Logout_returns_204_for_a_token_it_does_not_know(string refreshToken)
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();

        using var response = await Anonymous.PostLogoutAsync(refreshToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Anonymous.RefreshStatusAsync(signIn.RefreshToken), Is.EqualTo(HttpStatusCode.OK), "an unrelated sign-in");
        }
    }

    [Test]
    public async Task Logout_twice_returns_204_both_times()
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        using var first = await Anonymous.PostLogoutAsync(signIn.RefreshToken);

        using var second = await Anonymous.PostLogoutAsync(signIn.RefreshToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }
    }

    [Test]
    public async Task Logout_returns_400_naming_refreshToken_when_it_is_missing()
    {
        using var response = await Anonymous.PostJsonAsync(AuthClient.LogoutPath, "{}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "refreshToken");
    }

    /// <summary>Access tokens are stateless: signing out ends refreshes, and the access token lapses at its expiry.</summary>
    [Test]
    public async Task Logout_leaves_the_access_token_valid_until_it_expires()
    {
        await Anonymous.SignUpAsync();
        var signIn = await Anonymous.TokenAsync();
        using var client = App.WithAccessToken(signIn.AccessToken);
        using var loggedOut = await Anonymous.PostLogoutAsync(signIn.RefreshToken);

        using var stillValid = await client.GetAsync(MeClient.Path);
        App.Clock.Advance(TimeSpan.FromMinutes(16));
        using var expired = await client.GetAsync(MeClient.Path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stillValid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }
}
