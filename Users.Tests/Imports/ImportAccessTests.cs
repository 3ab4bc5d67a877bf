using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Imports;

/// <summary>Imports are for admins: anonymous callers get 401 and ordinary users 403, before anything is stored.</summary>
public sealed class ImportAccessTests : DatabaseTest
{
    private const string File = "email,fullName\nada@example.com,Ada Lovelace\n";

    [Test]
    public async Task Anonymous_import_is_401()
    {
        using var response = await Anonymous.PostCsvAsync(File);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Anonymous_read_of_an_import_is_401()
    {
        var import = await Client.StartImportAsync(File);

        using var response = await Anonymous.GetAsync($"{ImportCalls.Path}/{import.Id}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Ordinary_users_import_is_403_and_stores_nothing()
    {
        using var user = await App.AsUserAsync();

        using var response = await user.Client.PostCsvAsync(File);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(await ImportRows.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Ordinary_users_read_of_an_import_is_403()
    {
        var import = await Client.StartImportAsync(File);
        using var user = await App.AsUserAsync();

        using var response = await user.Client.GetAsync($"{ImportCalls.Path}/{import.Id}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Unknown_import_is_404()
    {
        using var response = await Client.GetAsync($"{ImportCalls.Path}/{Guid.CreateVersion7()}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Ill_formed_import_id_is_404()
    {
        using var response = await Client.GetAsync($"{ImportCalls.Path}/not-an-id");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
