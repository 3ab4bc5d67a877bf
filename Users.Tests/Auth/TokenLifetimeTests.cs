using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>
/// Access tokens live 15 minutes on the app's clock, with 30 seconds of skew either way, and no longer for having
/// been validated before: the app remembers validated tokens, and that memory must not outlast them.
/// </summary>
public sealed class TokenLifetimeTests : DatabaseTest
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>Past expiry plus the 30 s skew, whatever fraction of a second <c>exp</c> was rounded down by.</summary>
    private static readonly TimeSpan PastSkew = TimeSpan.FromSeconds(31);

    /// <summary>Inside the skew with seconds to spare for the test's own running time.</summary>
    private static readonly TimeSpan WithinSkew = TimeSpan.FromSeconds(25);

    [Test]
    public async Task A_token_issued_longer_ago_than_its_lifetime_and_the_skew_is_refused()
    {
        App.Clock.Advance(-(Lifetime + PastSkew));
        using var user = await App.SignInAsync();
        App.Clock.Reset();

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, user.AccessToken);

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_is_refused_once_the_clock_passes_its_expiry_and_the_skew()
    {
        using var user = await App.SignInAsync();
        App.Clock.Advance(Lifetime + PastSkew);

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, user.AccessToken);

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_is_still_accepted_within_the_skew_after_its_expiry()
    {
        using var user = await App.SignInAsync();
        App.Clock.Advance(Lifetime + WithinSkew);

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, user.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_token_that_was_accepted_is_refused_after_it_expires()
    {
        using var user = await App.SignInAsync();
        using (var accepted = await Anonymous.GetWithTokenAsync(BearerRequests.Me, user.AccessToken))
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        App.Clock.Advance(Lifetime + PastSkew);
        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, user.AccessToken);

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_that_was_accepted_inside_the_skew_is_refused_once_the_skew_is_over()
    {
        using var user = await App.SignInAsync();
        App.Clock.Advance(Lifetime + WithinSkew);
        using (var accepted = await Anonymous.GetWithTokenAsync(BearerRequests.Me, user.AccessToken))
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        App.Clock.Advance(PastSkew - WithinSkew);
        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, user.AccessToken);

        await BearerAssert.IsInvalidTokenAsync(response);
    }

    [Test]
    public async Task A_token_not_valid_before_a_moment_from_now_is_accepted_within_the_skew()
    {
        using var user = await App.SignInAsync();
        var now = App.Clock.GetUtcNow();
        var descriptor = TokenForge.Valid(user.Id, "user", now);
        descriptor.NotBefore = (now + TimeSpan.FromSeconds(20)).UtcDateTime;

        using var response = await Anonymous.GetWithTokenAsync(BearerRequests.Me, TokenForge.Create(descriptor));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
