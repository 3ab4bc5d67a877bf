using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Users.Application.Imports;
using Users.Domain.Imports;
using Users.Tests.Support;

namespace Users.Tests.Imports;

/// <summary>
/// Processing is what a background job runs, at least once: run twice, at the same time, or stopped half-way and run
/// again, it writes each row once and ends with the report of a single run. Batches of two rows make every file here
/// take several transactions.
/// </summary>
public sealed class ImportProcessingTests : DatabaseTest
{
    private const int BatchSize = 2;

    // Rows 2 to 11: eight new emails (one inactive), a duplicate of row 2 in another case, and an invalid email.
    private const string File =
        "email,fullName,isActive\n" +
        "u1@example.com,User One,true\nu2@example.com,User Two,true\nU1@EXAMPLE.COM,User One Again,true\n" +
        "u3@example.com,User Three,false\nbad-email,Bad Row,true\nu4@example.com,User Four,true\n" +
        "u5@example.com,User Five,true\nu6@example.com,User Six,true\nu7@example.com,User Seven,true\nu8@example.com,User Eight,true\n";

    private static readonly string[] NewEmails =
    [
        "u1@example.com", "u2@example.com", "u3@example.com", "u4@example.com",
        "u5@example.com", "u6@example.com", "u7@example.com", "u8@example.com",
    ];

    [Test]
    public async Task Processing_twice_writes_each_row_once_and_reports_the_same()
    {
        var import = await Client.StartImportAsync(File);
        await ProcessAsync(import.Id);
        var first = await Client.GetImportAsync(import.Id);

        await ProcessAsync(import.Id);

        var second = await Client.GetImportAsync(import.Id);
        using (Assert.EnterMultipleScope())
        {
            AssertFinishedExactly(second);
            Assert.That(second.FinishedAt, Is.EqualTo(first.FinishedAt));
            Assert.That(await ImportCalls.StoredUsersAsync(), Has.Count.EqualTo(8));
        }
    }

    [Test]
    public async Task Processing_twice_at_the_same_time_writes_each_row_once()
    {
        var import = await Client.StartImportAsync(File);

        await Task.WhenAll(ProcessAsync(import.Id), ProcessAsync(import.Id));

        var report = await Client.GetImportAsync(import.Id);
        using (Assert.EnterMultipleScope())
        {
            AssertFinishedExactly(report);
            Assert.That(await ImportCalls.StoredUsersAsync(), Has.Count.EqualTo(8));
        }
    }

    [Test]
    public async Task Processing_stopped_after_the_first_batch_keeps_that_batch_and_shows_running()
    {
        var import = await Client.StartImportAsync(File);

        await StopAfterAsync(import.Id, completeBatches: 1);

        var report = await Client.GetImportAsync(import.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.State, Is.EqualTo(ImportState.Running));
            Assert.That((report.Created, report.Skipped, report.Failed), Is.EqualTo((2, 0, 0)));
            Assert.That(report.StartedAt, Is.Not.Null);
            Assert.That(report.FinishedAt, Is.Null);
            Assert.That(await ImportCalls.StoredUsersAsync(), Has.Count.EqualTo(2));
        }
    }

    [TestCase(1)]
    [TestCase(3)]
    public async Task Processing_stopped_half_way_and_run_again_finishes_without_duplicates(int completeBatches)
    {
        var import = await Client.StartImportAsync(File);
        await StopAfterAsync(import.Id, completeBatches);

        await ProcessAsync(import.Id);

        var report = await Client.GetImportAsync(import.Id);
        using (Assert.EnterMultipleScope())
        {
            AssertFinishedExactly(report);
            Assert.That((await ImportCalls.StoredUsersAsync()).Select(user => user.Email), Is.EquivalentTo(NewEmails));
        }
    }

    [Test]
    public async Task Import_whose_stored_rows_are_gone_fails_keeping_what_was_written()
    {
        var import = await Client.StartImportAsync(File);
        await StopAfterAsync(import.Id, completeBatches: 1);
        await ImportRows.RemoveStagedAsync(import.Id);

        await ProcessAsync(import.Id);

        var report = await Client.GetImportAsync(import.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.State, Is.EqualTo(ImportState.Failed));
            Assert.That(report.Created, Is.EqualTo(2));
            Assert.That(report.FinishedAt, Is.Not.Null);
            Assert.That(await ImportCalls.StoredUsersAsync(), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task Import_given_up_is_failed_and_not_processed_again()
    {
        var import = await Client.StartImportAsync(File);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportProcessor>().FailAsync(import.Id, CancellationToken.None);
        }

        await ProcessAsync(import.Id);

        var report = await Client.GetImportAsync(import.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.State, Is.EqualTo(ImportState.Failed));
            Assert.That(report.StartedAt, Is.Not.Null);
            Assert.That(report.FinishedAt, Is.Not.Null);
            Assert.That(await ImportCalls.StoredUsersAsync(), Is.Empty);
        }
    }

    [Test]
    public void Processing_an_unknown_import_does_nothing()
    {
        Assert.That(() => ProcessAsync(Guid.CreateVersion7()), Throws.Nothing);
    }

    [Test]
    public async Task Report_lists_the_first_1000_failures_and_counts_them_all()
    {
        var rows = Enumerable.Range(1, 1_005).Select(i => $"not-an-email-{i},Name {i}");
        var import = await Client.StartImportAsync($"email,fullName\n{string.Join('\n', rows)}\n");

        await App.ProcessImportAsync(import.Id);

        var report = await Client.GetImportAsync(import.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Failed, Is.EqualTo(1_005));
            Assert.That(report.Failures, Has.Count.EqualTo(1_000));
            Assert.That(report.Failures.Select(failure => failure.Row), Is.EqualTo(Enumerable.Range(2, 1_000)));
        }
    }

    private static void AssertFinishedExactly(ImportReport report)
    {
        Assert.That(report.State, Is.EqualTo(ImportState.Succeeded));
        Assert.That((report.RowsRead, report.Created, report.Skipped, report.Failed), Is.EqualTo((10, 8, 1, 1)));
        Assert.That(report.Failures.Select(failure => (failure.Row, failure.Field)), Is.EqualTo(new[] { (6, "email") }));
    }

    /// <summary>Processes in a scope of its own, as a job does, with batches of <see cref="BatchSize"/> rows.</summary>
    private static async Task ProcessAsync(Guid importId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var processor = ActivatorUtilities.CreateInstance<ImportProcessor>(
            scope.ServiceProvider, Options.Create(new ImportOptions { BatchSize = BatchSize }));
        await processor.ProcessAsync(importId, CancellationToken.None);
    }

    /// <summary>Processes until the worker is stopped during the batch after <paramref name="completeBatches"/>.</summary>
    private static async Task StopAfterAsync(Guid importId, int completeBatches)
    {
        await using var scope = App.Services.CreateAsyncScope();
        using var stop = new CancellationTokenSource();
        var repository = HaltingImportRepository.Interrupting(scope.ServiceProvider.GetRequiredService<IUserImportRepository>(), completeBatches, stop);
        var processor = ActivatorUtilities.CreateInstance<ImportProcessor>(
            scope.ServiceProvider, Options.Create(new ImportOptions { BatchSize = BatchSize }), repository);

        Assert.That(() => processor.ProcessAsync(importId, stop.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
