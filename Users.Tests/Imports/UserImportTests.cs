using Users.Domain.Imports;

namespace Users.Tests.Imports;

/// <summary>An import's state moves queued → running → succeeded (or failed), and its counts never pass its rows.</summary>
public sealed class UserImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void New_import_is_queued_before_its_header_row()
    {
        var import = Staged(rows: 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.State, Is.EqualTo(ImportState.Queued));
            Assert.That(import.LastRow, Is.EqualTo(UserImport.HeaderRow));
            Assert.That(import.RowsRead, Is.EqualTo(5));
            Assert.That(import.StartedAt, Is.Null);
            Assert.That(import.Id.Version, Is.EqualTo(7));
        }
    }

    [Test]
    public void First_batch_starts_the_import_and_the_last_finishes_it()
    {
        var import = Staged(rows: 5);

        import.RecordBatch(lastRow: 4, created: 2, skipped: 1, failed: 0, Now);
        var afterFirst = (import.State, import.StartedAt, import.FinishedAt);
        import.RecordBatch(lastRow: 6, created: 1, skipped: 0, failed: 1, Now.AddSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterFirst, Is.EqualTo((ImportState.Running, (DateTimeOffset?)Now, (DateTimeOffset?)null)));
            Assert.That(import.State, Is.EqualTo(ImportState.Succeeded));
            Assert.That((import.Created, import.Skipped, import.Failed, import.LastRow), Is.EqualTo((3, 1, 1, 6)));
            Assert.That(import.StartedAt, Is.EqualTo(Now));
            Assert.That(import.FinishedAt, Is.EqualTo(Now.AddSeconds(1)));
        }
    }

    [Test]
    public void Import_of_no_rows_succeeds_with_its_first_batch()
    {
        var import = Staged(rows: 0);

        import.RecordBatch(lastRow: UserImport.HeaderRow, created: 0, skipped: 0, failed: 0, Now);

        Assert.That(import.State, Is.EqualTo(ImportState.Succeeded));
    }

    [Test]
    public void Batch_counting_more_rows_than_are_left_is_refused()
    {
        var import = Staged(rows: 2);

        Assert.That(() => import.RecordBatch(lastRow: 4, created: 2, skipped: 1, failed: 0, Now), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Batch_going_back_before_the_last_row_is_refused()
    {
        var import = Staged(rows: 4);
        import.RecordBatch(lastRow: 3, created: 2, skipped: 0, failed: 0, Now);

        Assert.That(() => import.RecordBatch(lastRow: 2, created: 1, skipped: 0, failed: 0, Now), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Finished_import_takes_no_more_batches_and_stays_as_it_is_when_failed()
    {
        var import = Staged(rows: 1);
        import.RecordBatch(lastRow: 2, created: 1, skipped: 0, failed: 0, Now);

        import.Fail(Now.AddMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.State, Is.EqualTo(ImportState.Succeeded));
            Assert.That(import.FinishedAt, Is.EqualTo(Now));
            Assert.That(() => import.RecordBatch(lastRow: 2, created: 0, skipped: 0, failed: 0, Now), Throws.InvalidOperationException);
        }
    }

    [Test]
    public void Failing_a_queued_import_starts_and_finishes_it()
    {
        var import = Staged(rows: 3);

        import.Fail(Now);

        Assert.That((import.State, import.StartedAt, import.FinishedAt), Is.EqualTo((ImportState.Failed, (DateTimeOffset?)Now, (DateTimeOffset?)Now)));
    }

    [Test]
    public void Rows_are_counted_only_before_processing_begins()
    {
        var import = Staged(rows: 3);
        import.RecordBatch(lastRow: 2, created: 1, skipped: 0, failed: 0, Now);

        Assert.That(() => import.Staged(5), Throws.InvalidOperationException);
    }

    private static UserImport Staged(int rows)
    {
        var import = UserImport.Queue(Guid.CreateVersion7(), columnCount: 2, Now);
        import.Staged(rows);
        return import;
    }
}
