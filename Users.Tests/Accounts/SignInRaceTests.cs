using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Users.Application.Accounts;
using Users.Infrastructure.Accounts;
using Users.Tests.Support;

namespace Users.Tests.Accounts;

/// <summary>
/// A sign-in checks the password, which takes a while, then saves its refresh token. A password change or a deactivation
/// landing in between must win: the sign-in is refused rather than leaving a token that outlives the change.
/// </summary>
public sealed class SignInRaceTests : DatabaseTest
{
    private PausingPasswordHasher _hasher = null!;
    private UsersApiFactory _app = null!;

    [SetUp]
    public void StartAppWithPausingHasher()
    {
        _app = new UsersApiFactory(TestDatabase.ConnectionString, services: services =>
            services.Replace(ServiceDescriptor.Singleton<IPasswordHasher>(provider =>
                _hasher = new PausingPasswordHasher(ActivatorUtilities.CreateInstance<IdentityPasswordHasher>(provider)))));
    }

    [TearDown]
    public async Task StopAppAsync()
    {
        _hasher?.Release();
        await _app.DisposeAsync();
        _hasher?.Dispose();
    }

    [Test]
    public async Task Sign_in_is_refused_when_the_password_changes_while_it_is_checked()
    {
        using var anonymous = _app.Anonymous();
        await anonymous.SignUpAsync();
        var session = await anonymous.TokenAsync();
        using var owner = _app.WithAccessToken(session.AccessToken);
        _hasher.PauseNextCheck();
        var signIn = anonymous.PostTokenAsync("ada@example.com", AuthClient.Password);
        await _hasher.Entered;

        using (var change = await owner.PutPasswordAsync(AuthClient.Password, AuthClient.OtherPassword))
        {
            Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        _hasher.Release();
        using var late = await signIn;

        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Sign_in_is_refused_when_the_account_is_deactivated_while_it_is_checked()
    {
        using var anonymous = _app.Anonymous();
        var user = await anonymous.SignUpAsync();
        using var admin = _app.AsAdmin();
        _hasher.PauseNextCheck();
        var signIn = anonymous.PostTokenAsync("ada@example.com", AuthClient.Password);
        await _hasher.Entered;

        using (var deactivate = await admin.PatchUserAsync(user.Id, new { isActive = false }))
        {
            Assert.That(deactivate.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        _hasher.Release();
        using var late = await signIn;

        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Unauthorized);
    }
}
