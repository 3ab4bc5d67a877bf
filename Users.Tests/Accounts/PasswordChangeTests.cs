using System.Net;
using System.Text;
using Users.Tests.Support;

namespace Users.Tests.Accounts;

public sealed class PasswordChangeTests : DatabaseTest
{
    private const string Email = "ada@example.com";

    private static readonly string[] CurrentPasswordOnly = ["currentPassword"];

    [Test]
    public async Task Password_change_returns_204_and_only_the_new_password_signs_in()
    {
        await Anonymous.SignUpAsync(Email);
        var signIn = await Anonymous.TokenAsync(Email);
        using var client = App.WithAccessToken(signIn.AccessToken);

        using var response = await client.PutPasswordAsync(AuthClient.Password, AuthClient.OtherPassword);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
            Assert.That(await Anonymous.TokenStatusAsync(Email, AuthClient.Password), Is.EqualTo(HttpStatusCode.Unauthorized), "the old password");
            Assert.That(await Anonymous.TokenStatusAsync(Email, AuthClient.OtherPassword), Is.EqualTo(HttpStatusCode.OK), "the new password");
        }
    }

    [Test]
    public async Task Password_change_revokes_every_refresh_token_of_the_user()
    {
        await Anonymous.SignUpAsync(Email);
        var thisDevice = await Anonymous.TokenAsync(Email);
        var otherDevice = await Anonymous.TokenAsync(Email);
        var rotated = await Anonymous.RefreshAsync(otherDevice.RefreshToken);
        using var client = App.WithAccessToken(thisDevice.AccessToken);

        using var response = await client.PutPasswordAsync(AuthClient.Password, AuthClient.OtherPassword);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Anonymous.RefreshStatusAsync(thisDevice.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized), "this sign-in");
            Assert.That(await Anonymous.RefreshStatusAsync(rotated.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized), "another sign-in");
        }
    }

    [Test]
    public async Task Password_change_leaves_other_users_refresh_tokens_alone()
    {
        await Anonymous.SignUpAsync(Email, "Ada Lovelace");
        await Anonymous.SignUpAsync("grace@example.com", "Grace Hopper");
        var ada = await Anonymous.TokenAsync(Email);
        var grace = await Anonymous.TokenAsync("grace@example.com");
        using var client = App.WithAccessToken(ada.AccessToken);

        using var response = await client.PutPasswordAsync(AuthClient.Password, AuthClient.OtherPassword);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Anonymous.RefreshStatusAsync(grace.RefreshToken), Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Password_change_with_a_wrong_current_password_returns_400_and_changes_nothing()
    {
        await Anonymous.SignUpAsync(Email);
        var signIn = await Anonymous.TokenAsync(Email);
        using var client = App.WithAccessToken(signIn.AccessToken);

        using var response = await client.PutPasswordAsync("not the password at all", AuthClient.OtherPassword);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "currentPassword");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Errors!.Keys, Is.EquivalentTo(CurrentPasswordOnly));
            Assert.That(await Anonymous.TokenStatusAsync(Email, AuthClient.OtherPassword), Is.EqualTo(HttpStatusCode.Unauthorized), "the refused password");
            Assert.That(await Anonymous.TokenStatusAsync(Email, AuthClient.Password), Is.EqualTo(HttpStatusCode.OK), "the current password");
            Assert.That(await Anonymous.RefreshStatusAsync(signIn.RefreshToken), Is.EqualTo(HttpStatusCode.OK), "the sign-in");
        }
    }

    [TestCase("password1234", "'newPassword' is too easy to guess", TestName = "Password_change_refuses_a_common_new_password")]
    [TestCase("ada@example.com!", "'newPassword' is too easy to guess", TestName = "Password_change_refuses_the_email_plus_a_symbol")]
    [TestCase("k9#Qv!x2Lm@", "'newPassword' must be 12 to 128 characters long.", TestName = "Password_change_refuses_a_new_password_of_11_characters")]
    [TestCase("Ada Lovelace", "'newPassword' is too easy to guess", TestName = "Password_change_refuses_the_users_own_name")]
    public async Task Password_change_with_a_weak_new_password_returns_400_and_changes_nothing(string newPassword, string why)
    {
        await Anonymous.SignUpAsync(Email, "Ada Lovelace");
        var signIn = await Anonymous.TokenAsync(Email);
        using var client = App.WithAccessToken(signIn.AccessToken);

        using var response = await client.PutPasswordAsync(AuthClient.Password, newPassword);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "newPassword");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Errors!["newPassword"], Has.One.StartsWith(why));
            Assert.That(await Anonymous.TokenStatusAsync(Email, AuthClient.Password), Is.EqualTo(HttpStatusCode.OK), "the current password");
            Assert.That(await Anonymous.RefreshStatusAsync(signIn.RefreshToken), Is.EqualTo(HttpStatusCode.OK), "the sign-in");
        }
    }

    [TestCase("""{"newPassword":"quartz lantern orbit fennel"}""", "currentPassword")]
    [TestCase("""{"currentPassword":"violet anchor maple drums"}""", "newPassword")]
    [TestCase("""{"currentPassword":"violet anchor maple drums","newPassword":"quartz lantern orbit fennel","email":"eve@example.com"}""", "email")]
    public async Task Password_change_returns_400_naming_a_missing_or_unknown_field(string body, string field)
    {
        using var user = await App.SignInAsync(withPassword: true);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await user.Client.PutAsync(MeClient.PasswordPath, content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Test]
    public async Task Password_change_is_refused_to_an_anonymous_caller_with_401()
    {
        await Anonymous.SignUpAsync(Email);

        using var response = await Anonymous.PutPasswordAsync(AuthClient.Password, AuthClient.OtherPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
            Assert.That(await Anonymous.TokenStatusAsync(Email, AuthClient.Password), Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Password_change_for_an_account_without_a_password_returns_400_currentPassword()
    {
        using var user = await App.SignInAsync(withPassword: false);

        using var response = await user.Client.PutPasswordAsync("anything at all here", AuthClient.OtherPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "currentPassword");
    }

    [Test]
    public async Task Password_change_for_a_deleted_account_returns_404()
    {
        using var user = await App.SignInAsync(withPassword: true);
        using var deleted = await Client.DeleteUserAsync(user.Id);
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        using var response = await user.Client.PutPasswordAsync(AuthClient.Password, AuthClient.OtherPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
