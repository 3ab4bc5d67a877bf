using Users.Domain.Imports;
using Users.Tests.Support;

namespace Users.Tests.Imports;

/// <summary>
/// An import of good, bad and duplicate rows, processed as the background job will, gives exactly the report and the
/// users it should: the first row of each email (regardless of case) wins, emails already stored are skipped, and
/// every invalid field is reported with its row and why.
/// </summary>
public sealed class ImportReportTests : DatabaseTest
{
    private const string File =
        "email,fullName,isActive\n" +
        "ada@example.com,Ada Lovelace,true\n" + // 2: created
        "Grace@Example.com,Grace Hopper,false\n" + // 3: created, inactive
        "ADA@example.com,Ada Again,true\n" + // 4: skipped, earlier row of another case
        "taken@example.com,Taken Twice,\n" + // 5: skipped, stored already in another case
        "not-an-email,Nobody,true\n" + // 6: failed, email
        "alan@example.com,,true\n" + // 7: failed, fullName
        "edsger@example.com,Edsger Dijkstra,maybe\n" + // 8: failed, isActive
        "<script>@x.y,,yes\n" + // 9: failed, all three
        "grace@example.com,Grace Again,true\n" + // 10: skipped, row 3 in another case
        "barbara@example.com,  Barbara Liskov  ,TRUE\n"; // 11: created, name trimmed

    [SetUp]
    public Task StoreTakenUserAsync() => Client.CreateUserAsync("TAKEN@example.com", "Already Here");

    [Test]
    public async Task Processed_import_reports_created_skipped_and_failed_rows_exactly()
    {
        var import = await Client.StartImportAsync(File);

        await App.ProcessImportAsync(import.Id);

        var report = await Client.GetImportAsync(import.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.State, Is.EqualTo(ImportState.Succeeded));
            Assert.That(report.RowsRead, Is.EqualTo(10));
            Assert.That(report.Created, Is.EqualTo(3));
            Assert.That(report.Skipped, Is.EqualTo(3));
            Assert.That(report.Failed, Is.EqualTo(4));
            Assert.That(report.Failures.Select(failure => (failure.Row, failure.Field)), Is.EqualTo(new[]
            {
                (6, "email"), (7, "fullName"), (8, "isActive"), (9, "email"), (9, "fullName"), (9, "isActive"),
            }));
            Assert.That(report.Failures.Select(failure => failure.Reason), Has.All.Not.Empty);
            Assert.That(report.StartedAt, Is.Not.Null);
            Assert.That(report.FinishedAt, Is.GreaterThanOrEqualTo(report.StartedAt!.Value));
        }
    }

    [Test]
    public async Task Processed_import_stores_exactly_the_first_valid_row_of_each_new_email()
    {
        var import = await Client.StartImportAsync(File);

        await App.ProcessImportAsync(import.Id);

        Assert.That(await ImportCalls.StoredUsersAsync(), Is.EquivalentTo(new[]
        {
            ("ada@example.com", "Ada Lovelace", true),
            ("barbara@example.com", "Barbara Liskov", true),
            ("Grace@Example.com", "Grace Hopper", false),
            ("TAKEN@example.com", "Already Here", true),
        }));
    }

    [Test]
    public async Task Failure_reasons_are_those_of_the_create_user_request()
    {
        var import = await Client.StartImportAsync("email,fullName\nnot-an-email,Nobody\n");
        using var created = await Client.PostUserAsync(new { email = "not-an-email", fullName = "Nobody" });
        var problem = await ProblemAssert.IsProblemAsync(created, System.Net.HttpStatusCode.BadRequest, "email");

        await App.ProcessImportAsync(import.Id);

        var report = await Client.GetImportAsync(import.Id);
        Assert.That(report.Failures.Single().Reason, Is.EqualTo(problem.Errors!["email"].Single()));
    }

    [Test]
    public async Task Import_is_queued_until_processed()
    {
        var import = await Client.StartImportAsync(File);

        var report = await Client.GetImportAsync(import.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.State, Is.EqualTo(ImportState.Queued));
            Assert.That(report.RowsRead, Is.EqualTo(10));
            Assert.That((report.Created, report.Skipped, report.Failed), Is.EqualTo((0, 0, 0)));
            Assert.That(report.Failures, Is.Empty);
            Assert.That(report.StartedAt, Is.Null);
            Assert.That(report.FinishedAt, Is.Null);
        }
    }
}
