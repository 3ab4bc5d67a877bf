using System.Reflection;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Users.Infrastructure.Mail;
using Users.Tests.Support;

namespace Users.Tests.Hosting;

/// <summary>
/// <c>dotnet user-secrets</c> works for the service: Users.Api has a <c>UserSecretsId</c>, and in Development the
/// settings in its store reach the service; in other environments they do not. The store is a temporary one (its root
/// is <c>APPDATA</c> when that is set), so a developer's own secrets are not touched.
/// </summary>
[NonParallelizable]
public sealed class UserSecretsTests
{
    private DirectoryInfo _store = null!;
    private EnvironmentVariable _storeRoot = null!;

    [SetUp]
    public async Task WriteSecretsAsync()
    {
        _store = Directory.CreateTempSubdirectory("users-secrets-");
        _storeRoot = new EnvironmentVariable("APPDATA", _store.FullName);
        var id = typeof(Program).Assembly.GetCustomAttribute<UserSecretsIdAttribute>();
        Assert.That(id, Is.Not.Null, "Users.Api.csproj sets UserSecretsId");
        var secrets = PathHelper.GetSecretsPathFromSecretsId(id!.UserSecretsId);
        Directory.CreateDirectory(Path.GetDirectoryName(secrets)!);

        // As `dotnet user-secrets set "Mail:UserName" ...` writes them.
        await File.WriteAllTextAsync(secrets, """{ "Mail:UserName": "developer", "Mail:Password": "kept out of the repository" }""");
    }

    [TearDown]
    public void RemoveSecrets()
    {
        _storeRoot.Dispose();
        _store.Delete(recursive: true);
    }

    [Test]
    public async Task Development_reads_settings_from_the_user_secrets_store()
    {
        await using var factory = App("Development");

        var mail = factory.Services.GetRequiredService<IOptions<MailOptions>>().Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mail.UserName, Is.EqualTo("developer"));
            Assert.That(mail.Password, Is.EqualTo("kept out of the repository"));
        }
    }

    [Test]
    public async Task Production_does_not_read_the_user_secrets_store()
    {
        await using var factory = App("Production");

        var mail = factory.Services.GetRequiredService<IOptions<MailOptions>>().Value;

        Assert.That(mail.UserName, Is.Null);
    }

    private static ConfiguredApiFactory App(string environment) =>
        ConfiguredApiFactory.OnTestDatabase(new Dictionary<string, string?>(), environment);
}
