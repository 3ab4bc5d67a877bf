using Users.Api.Hosting;
using Users.Tests.Support;

namespace Users.Tests.Hosting;

/// <summary>
/// The built service reads the <c>appsettings*.json</c> beside it wherever it is started from, and a content root
/// given explicitly still wins. <c>Jwt:Issuer</c>, <c>Jwt:Audience</c> and the <c>Mail</c> defaults come only from
/// appsettings.json here, and the service refuses to start without them.
/// </summary>
[NonParallelizable]
public sealed class ContentRootTests
{
    private const int Port = 5110;

    [Test]
    public async Task The_built_service_started_from_another_folder_reads_the_appsettings_beside_it()
    {
        var elsewhere = Directory.CreateTempSubdirectory("users-elsewhere-");
        try
        {
            await using var service = ServiceProcess.Start(Port, elsewhere.FullName, JobsOff);

            await service.WaitUntilServingAsync();
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    [Test]
    public async Task An_explicit_content_root_wins_over_the_app_folder()
    {
        var empty = Directory.CreateTempSubdirectory("users-content-root-");
        try
        {
            await using var service = ServiceProcess.Start(Port, AppContext.BaseDirectory, JobsOff, "--contentRoot", empty.FullName);

            var exitCode = await service.WaitForExitAsync();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(exitCode, Is.EqualTo(1), service.Output);
                Assert.That(service.Output, Does.Contain("Jwt:Issuer is not set"));
            }
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Test]
    public void The_default_content_root_is_the_app_folder() =>
        Assert.That(ContentRoot.Default([]), Is.EqualTo(AppContext.BaseDirectory));

    [TestCase("--contentRoot", "/srv/users")]
    [TestCase("--contentroot=/srv/users")]
    [TestCase("/contentRoot", "/srv/users")]
    public void A_content_root_on_the_command_line_is_left_to_the_host(params string[] args) =>
        Assert.That(ContentRoot.Default(args), Is.Null);

    [TestCase("ASPNETCORE_CONTENTROOT")]
    [TestCase("DOTNET_CONTENTROOT")]
    public void A_content_root_in_the_environment_is_left_to_the_host(string variable)
    {
        using var contentRoot = new EnvironmentVariable(variable, "/srv/users");

        Assert.That(ContentRoot.Default([]), Is.Null);
    }

    /// <summary>An API node: these tests are about settings, not jobs.</summary>
    private static Dictionary<string, string?> JobsOff => new() { ["Jobs:Role"] = "Api" };
}
