using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Users.Application.Imports;
using Users.Application.Jobs;
using Users.Tests.Imports;
using Users.Tests.Support;

namespace Users.Tests.Hosting;

/// <summary>
/// A request the database holds past <c>Hosting:RequestTimeout</c> is answered with a 504 problem, and its statement is
/// cancelled in the database rather than left waiting; an import's upload has the longer
/// <c>Hosting:ImportRequestTimeout</c>. A lock on a table holds the requests.
/// </summary>
public sealed class RequestTimeoutTests : DatabaseTest
{
    [Test]
    public async Task A_request_held_by_the_database_past_the_timeout_gets_a_504_problem_and_its_statement_is_cancelled()
    {
        await using var factory = ShortTimeoutApp();
        using var admin = factory.AsAdmin();
        await using var users = await TableLock.TakeAsync("users");
        var list = admin.GetAsync(UsersClient.Path);
        await users.WaitForWaiterAsync();

        using var response = await list;

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.GatewayTimeout);
        await users.WaitForNoWaiterAsync();
    }

    [Test]
    public async Task An_import_upload_outlasts_the_default_timeout()
    {
        await using var factory = ShortTimeoutApp();
        using var admin = factory.AsAdmin();
        await using var imports = await TableLock.TakeAsync("user_imports");
        var upload = admin.PostCsvAsync("email,fullName\nada@example.com,Ada Lovelace\n");
        await imports.WaitForWaiterAsync();

        // A read of an import waits on the same lock under the default policy: once it has timed out, so would have the upload.
        using var read = await admin.GetAsync($"{ImportCalls.Path}/{Guid.NewGuid()}");
        var uploadWaitedOn = !upload.IsCompleted;
        await imports.ReleaseAsync();
        using var uploaded = await upload;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));
            Assert.That(uploadWaitedOn, Is.True, "the upload was still waiting");
            Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await uploaded.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A second's timeout, a minute's for imports, whose job is left to the test (not run).</summary>
    private static UsersApiFactory ShortTimeoutApp() => new(
        TestDatabase.ConnectionString,
        new Dictionary<string, string?> { ["Hosting:RequestTimeout"] = "00:00:01", ["Hosting:ImportRequestTimeout"] = "00:01:00" },
        services => services.Replace(ServiceDescriptor.Scoped<IOutboxMessageHandler<ImportRequested>, ImportsLeftToTheTests>()));
}
