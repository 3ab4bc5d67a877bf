using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Users.Application.Imports;
using Users.Domain.Imports;
using Users.Infrastructure.Imports;
using Users.Tests.Support;

namespace Users.Tests.Imports;

/// <summary>
/// The real path of an import: the upload commits its job through the outbox, a worker processes it, and a worker that
/// goes down half-way leaves a job another worker finishes, with no row written twice. On a database of its own, whose
/// only job servers are the nodes started here.
/// </summary>
public sealed class ImportJobTests
{
    private const string File =
        "email,fullName,isActive\n" +
        "u1@example.com,User One,true\nu2@example.com,User Two,true\nU1@EXAMPLE.COM,User One Again,true\n" +
        "u3@example.com,User Three,false\nbad-email,Bad Row,true\nu4@example.com,User Four,true\n" +
        "u5@example.com,User Five,true\nu6@example.com,User Six,true\nu7@example.com,User Seven,true\nu8@example.com,User Eight,true\n";

    private static readonly string Database = TestDatabase.Sibling("import_jobs");

    private readonly List<UsersApiFactory> _nodes = [];

    [OneTimeSetUp]
    public Task PrepareDatabaseAsync() => TestDatabase.PrepareAsync(Database);

    [SetUp]
    public Task ResetAsync() => TestDatabase.ResetAsync(Database);

    [TearDown]
    public async Task StopNodesAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        _nodes.Clear();
    }

    [Test]
    public async Task An_uploaded_file_is_processed_by_a_job_to_its_exact_report()
    {
        var node = Start("Both");
        using var admin = node.AsAdmin();

        var import = await admin.StartImportAsync(File);

        var report = await WaitUntilFinishedAsync(admin, import.Id);
        AssertFinishedExactly(report);
        Assert.That(await StoredEmailsAsync(), Has.Count.EqualTo(8));
    }

    [Test]
    public async Task An_import_whose_worker_goes_down_half_way_is_finished_by_another_without_duplicates()
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dying = Start("Both", services => services.AddScoped<IUserImportRepository>(provider =>
            HaltingImportRepository.Stalling(ActivatorUtilities.CreateInstance<UserImportRepository>(provider), completeBatches: 2, stalled)));
        using var admin = dying.AsAdmin();
        var import = await admin.StartImportAsync(File);
        await stalled.Task.WaitAsync(Poll.DefaultTimeout);

        await dying.DisposeAsync();
        _nodes.Remove(dying);
        var taking = Start("Worker");
        using var reader = taking.AsAdmin();

        var report = await WaitUntilFinishedAsync(reader, import.Id);
        AssertFinishedExactly(report);
        Assert.That(await StoredEmailsAsync(), Is.Unique.And.Count.EqualTo(8));
    }

    private UsersApiFactory Start(string role, Action<IServiceCollection>? services = null)
    {
        var node = new UsersApiFactory(Database, new Dictionary<string, string?> { ["Jobs:Role"] = role, ["Imports:BatchSize"] = "2" }, services);
        _nodes.Add(node);
        return node;
    }

    private static Task<ImportReport> WaitUntilFinishedAsync(HttpClient admin, Guid id) =>
        Poll.UntilAsync(
            () => admin.GetImportAsync(id),
            report => report.FinishedAt is not null,
            $"import {id} to finish",
            TimeSpan.FromSeconds(90));

    private static void AssertFinishedExactly(ImportReport report)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.State, Is.EqualTo(ImportState.Succeeded));
            Assert.That((report.RowsRead, report.Created, report.Skipped, report.Failed), Is.EqualTo((10, 8, 1, 1)));
        }
    }

    private static async Task<List<string>> StoredEmailsAsync()
    {
        await using var db = TestDatabase.CreateContext(Database);
        return await db.Users.Select(user => user.Email.ToLower()).ToListAsync();
    }
}
