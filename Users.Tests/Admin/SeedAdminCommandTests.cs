using System.Net;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.Admin;

/// <summary>
/// <c>dotnet Users.Api.dll seed-admin --email e [--full-name n]</c> as a process against the test database: it makes
/// the account an active admin with the password from USERS_ADMIN_PASSWORD or standard input, exits, and is safe to repeat.
/// </summary>
[NonParallelizable]
public sealed class SeedAdminCommandTests : DatabaseTest
{
    private const string Email = "boss@example.com";
    private const string Password = "copper lantern quietly rowing";
    private const string Usage = "Usage: seed-admin --email <email>";

    private static readonly string[] NoOptions = [];
    private static readonly string[] EmailOptionWithoutValue = ["--email"];
    private static readonly string[] OnlyAFullName = ["--full-name", "Grace Hopper"];

    [Test]
    public async Task Seed_admin_creates_an_active_admin_who_signs_in_with_that_password()
    {
        var run = await SeedAdminProcess.RunAsync(["--email", Email, "--full-name", "Grace Hopper"], Password);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.StandardOutput, Does.Contain($"Created the admin {Email}."));
        var tokens = await Anonymous.TokenAsync(Email, Password);
        using var admin = App.WithAccessToken(tokens.AccessToken);
        using var me = await admin.GetAsync(MeClient.Path);
        var user = await me.ReadAsync<UserResponse>();
        Assert.That((user.Email, user.FullName, user.Role, user.IsActive), Is.EqualTo((Email, "Grace Hopper", UserRole.Admin, true)));
        using var list = await admin.GetAsync(UsersClient.Path);
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Seed_admin_run_twice_exits_0_both_times_and_leaves_one_user()
    {
        var first = await SeedAdminProcess.RunAsync(["--email", Email], Password);
        var second = await SeedAdminProcess.RunAsync(["--email", Email], Password);

        using var list = await Client.GetAsync(UsersClient.Path);
        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            Assert.That(second.StandardOutput, Does.Contain("nothing changed"));
            Assert.That(page.Items.Select(user => (user.Email, user.Role, user.IsActive)), Is.EqualTo(new[] { (Email, UserRole.Admin, true) }));
        }
    }

    [Test]
    public async Task Seed_admin_promotes_and_activates_an_existing_ordinary_user()
    {
        var existing = await Client.CreateUserAsync(Email, "Ada Lovelace", isActive: false);

        var run = await SeedAdminProcess.RunAsync(["--email", Email], Password);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var stored = await Client.ReadUserAsync(existing.User.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.StandardOutput, Does.Contain($"Made {Email} an active admin."));
            Assert.That((stored.Role, stored.IsActive, stored.FullName), Is.EqualTo((UserRole.Admin, true, "Ada Lovelace")));
        }

        using var signIn = await Anonymous.PostTokenAsync(Email, Password);
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Seed_admin_reads_the_password_from_standard_input_when_the_variable_is_unset()
    {
        var run = await SeedAdminProcess.RunAsync(["--email", Email], password: null, standardInput: Password);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var signIn = await Anonymous.PostTokenAsync(Email, Password);
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("short words", "'password' must be 12 to 128 characters long.")]
    [TestCase("password1234", "'password' is too easy to guess")]
    [TestCase("boss example", "'password' is too easy to guess")]
    public async Task Seed_admin_refuses_a_weak_password_naming_the_rule_without_printing_it(string password, string rule)
    {
        var run = await SeedAdminProcess.RunAsync(["--email", Email], password);

        using var list = await Client.GetAsync(UsersClient.Path);
        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
            Assert.That(run.StandardError, Does.Contain(rule));
            Assert.That(run.Printed, Does.Not.Contain(password));
            Assert.That(page.Items, Is.Empty);
        }
    }

    [TestCase("boss@localhost")]
    [TestCase("<script>alert(1)</script>@example.com")]
    [TestCase("\"grace hopper\"@example.com")]
    public async Task Seed_admin_refuses_an_address_that_is_not_one_with_usage_and_stores_nothing(string email)
    {
        var run = await SeedAdminProcess.RunAsync(["--email", email], Password);

        using var list = await Client.GetAsync(UsersClient.Path);
        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.StandardError, Does.Contain(Usage));
            Assert.That(page.Items, Is.Empty);
        }
    }

    [TestCase("Grace\u0007Hopper", "'fullName' must not contain control characters")]
    [TestCase("   ", "'fullName' must not be empty.")]
    public async Task Seed_admin_refuses_a_full_name_the_api_refuses_and_stores_nothing(string fullName, string rule)
    {
        var run = await SeedAdminProcess.RunAsync(["--email", Email, "--full-name", fullName], Password);

        using var list = await Client.GetAsync(UsersClient.Path);
        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.StandardError, Does.Contain(rule));
            Assert.That(page.Items, Is.Empty);
        }
    }

    public static IEnumerable<TestCaseData> OptionsWithoutAnEmail()
    {
        yield return new TestCaseData((object)NoOptions).SetArgDisplayNames("no_options");
        yield return new TestCaseData((object)EmailOptionWithoutValue).SetArgDisplayNames("email_option_without_a_value");
        yield return new TestCaseData((object)OnlyAFullName).SetArgDisplayNames("only_a_full_name");
    }

    [TestCaseSource(nameof(OptionsWithoutAnEmail))]
    public async Task Seed_admin_without_an_email_exits_2_with_usage(string[] options)
    {
        var run = await SeedAdminProcess.RunAsync(options, Password);

        using var list = await Client.GetAsync(UsersClient.Path);
        var page = await list.ReadAsync<UserPage>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.StandardError, Does.Contain(Usage));
            Assert.That(page.Items, Is.Empty);
        }
    }
}
