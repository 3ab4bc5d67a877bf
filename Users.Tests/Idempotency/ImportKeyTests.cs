using System.Net;
using Microsoft.EntityFrameworkCore;
using Users.Domain.Imports;
using Users.Infrastructure.Imports;
using Users.Tests.Support;

namespace Users.Tests.Idempotency;

/// <summary><c>POST /api/v1/users/imports</c> with an <c>Idempotency-Key</c>: a file retried is stored and imported once.</summary>
public sealed class ImportKeyTests : DatabaseTest
{
    private const string File = "email,fullName\nada@example.com,Ada Lovelace\ngrace@example.com,Grace Hopper\n";
    private const string OtherFile = "email,fullName\nalan@example.com,Alan Turing\n";

    [Test]
    public async Task An_import_retried_with_its_key_gets_the_first_answer_and_stores_the_file_once()
    {
        var key = IdempotencyCalls.NewKey();
        using var first = await Client.PostCsvAsync(key, File);
        using var retry = await Client.PostCsvAsync(key, File);

        var sent = await Answer.ReadAsync(first);
        var replayed = await Answer.ReadAsync(retry);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.Status, Is.EqualTo(HttpStatusCode.Accepted), sent.Body);
            Assert.That(replayed.Replayed, Is.True);
            Assert.That(replayed.AsSent(), Is.EqualTo(sent), "status, report and Location as first sent");
            Assert.That(await CountAsync<UserImport>(), Is.EqualTo(1));
            Assert.That(await CountAsync<StagedImportRow>(), Is.EqualTo(2), "the file's two rows, stored once");
        }
    }

    [Test]
    public async Task The_same_key_with_another_file_is_422_and_stores_nothing()
    {
        var key = IdempotencyCalls.NewKey();
        using var first = await Client.PostCsvAsync(key, File);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        using var other = await Client.PostCsvAsync(key, OtherFile);

        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.That(await CountAsync<UserImport>(), Is.EqualTo(1));
    }

    private static async Task<int> CountAsync<T>()
        where T : class
    {
        await using var db = TestDatabase.CreateContext(TestDatabase.ConnectionString);
        return await db.Set<T>().CountAsync();
    }
}
