using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Users.Api.Auth;
using Users.Application.Accounts;
using Users.Domain.Users;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>
/// In Development with no <c>Jwt:Keys</c>, the app makes a key on first run and keeps it in
/// <c>Jwt:DevelopmentKeyFile</c> (here an absolute path in a fresh temporary folder), so tokens survive a restart.
/// </summary>
public sealed class DevelopmentKeyTests
{
    private string _folder = null!;
    private string _keyFile = null!;

    [SetUp]
    public void ChooseKeyFile()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"users-tests-{Guid.NewGuid():N}");
        _keyFile = Path.Combine(_folder, "jwt", "development-signing-key.pem");
    }

    [TearDown]
    public void RemoveKeyFile()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public async Task Development_without_keys_starts_and_keeps_its_generated_key_in_the_key_file()
    {
        await using var app = DevelopmentApp(withKeys: false);

        using var client = app.CreateClient();

        var keys = await JwksTests.ReadKeysAsync(client);
        Assert.That(File.Exists(_keyFile), Is.True, "no key file was written");
        var pem = await File.ReadAllTextAsync(_keyFile);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SigningKey.TryLoad("file", pem, out var error)?.CanSign, Is.True, error ?? "the file holds a public key");
            Assert.That(keys.Select(key => (string?)key!["kid"]), Is.EqualTo(new[] { JwtKeyRing.DevelopmentKeyId }));
            Assert.That(keys.Select(key => (string?)key!["x"]), Is.EqualTo(new[] { TokenForge.PublicPoint(pem).X }));
        }
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix file modes")]
    [UnsupportedOSPlatform("windows")]
    public async Task The_generated_key_file_is_readable_by_its_owner_only()
    {
        await using var app = DevelopmentApp(withKeys: false);

        app.CreateClient().Dispose();

        Assert.That(File.GetUnixFileMode(_keyFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task A_restarted_Development_app_accepts_tokens_issued_before_the_restart()
    {
        string token;
        await using (var first = DevelopmentApp(withKeys: false))
        {
            var admin = User.Create("root@users.test", "Test Admin", isActive: true, UserRole.Admin, DateTimeOffset.UtcNow);
            token = first.Services.GetRequiredService<IAccessTokenIssuer>().Issue(admin).Value;
        }

        await using var second = DevelopmentApp(withKeys: false);
        using var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync(UsersClient.Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Development_with_configured_keys_signs_with_them_and_writes_no_key_file()
    {
        await using var app = DevelopmentApp(withKeys: true);

        using var client = app.CreateClient();

        var keys = await JwksTests.ReadKeysAsync(client);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(keys.Select(key => (string?)key!["kid"]), Is.EqualTo(new[] { TestKeys.SigningKeyId }));
            Assert.That(File.Exists(_keyFile), Is.False);
        }
    }

    private WebApplicationFactory<Program> DevelopmentApp(bool withKeys)
    {
        var settings = new Dictionary<string, string?>
        {
            // appsettings.Development.json points at a developer's database and migrates it; the tests use theirs.
            ["ConnectionStrings:Users"] = TestDatabase.ConnectionString,
            ["Database:MigrateOnStartup"] = "false",
            ["Jwt:DevelopmentKeyFile"] = _keyFile,
        };
        return withKeys ? new ConfiguredApiFactory(settings, Environments.Development) : new ConfiguredApiFactory(settings, Environments.Development, withTestKey: false);
    }
}
