using FluentValidation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Users.Application.Common;
using Users.Application.Users;

namespace Users.Application.Imports;

/// <summary>
/// Writes an import's stored rows to the users, what a background job runs. Each batch is one transaction that locks
/// the import, checks the rows after the last one recorded, writes the valid ones (an email taken regardless of case,
/// by a stored user or an earlier row, is skipped, as the database's unique index decides) and records the progress.
/// So a run stopped at any point resumes after the last committed batch, a second run at the same time waits for the
/// lock and goes on from there, and a run after the end does nothing: no row is written twice.
/// </summary>
public sealed partial class ImportProcessor(
    IUserImportRepository imports,
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IValidator<CreateUserRequest> validator,
    IOptions<ImportOptions> options,
    ImportMetrics metrics,
    TimeProvider clock,
    ILogger<ImportProcessor> logger)
{
    /// <summary>Processes the import to its end; safe to run again, or at the same time, after any stop.</summary>
    public async Task ProcessAsync(Guid importId, CancellationToken cancellationToken)
    {
        ImportBatchOutcome batch;
        do
        {
            batch = await unitOfWork.InTransactionAsync(token => ProcessBatchAsync(importId, token), cancellationToken);
            metrics.Record(batch);
        }
        while (batch.RowsRemain);
    }

    /// <summary>
    /// Gives an import up, for a job that failed for good: it shows as failed, keeps the users written so far, and
    /// is not processed again. An import that already finished stays as it is.
    /// </summary>
    public Task FailAsync(Guid importId, CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(
            async token =>
            {
                var import = await imports.LockAsync(importId, token);
                if (import is null || import.IsFinished)
                {
                    return false;
                }

                import.Fail(clock.GetUtcNow());
                await unitOfWork.SaveChangesAsync(token);
                LogFailed(logger, importId, import.RowsProcessed, import.RowsRead);
                return true;
            },
            cancellationToken);

    /// <summary>One batch in the caller's transaction: what it wrote, and whether rows remain.</summary>
    private async Task<ImportBatchOutcome> ProcessBatchAsync(Guid importId, CancellationToken cancellationToken)
    {
        var import = await imports.LockAsync(importId, cancellationToken);
        if (import is null)
        {
            LogUnknown(logger, importId);
            return ImportBatchOutcome.Finished;
        }

        if (import.IsFinished)
        {
            return ImportBatchOutcome.Finished;
        }

        var rows = await imports.ReadRowsAsync(importId, import.LastRow, options.Value.BatchSize, cancellationToken);
        var now = clock.GetUtcNow();
        if (rows.Count == 0 && import.RowsProcessed < import.RowsRead)
        {
            // The stored rows were removed before they were all processed: what is left cannot be written.
            import.Fail(now);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            LogFailed(logger, importId, import.RowsProcessed, import.RowsRead);
            return ImportBatchOutcome.Finished;
        }

        var batch = ImportBatch.Check(import, rows, validator, now);
        var created = await users.AddUnlessEmailTakenAsync(batch.Users, cancellationToken);
        if (batch.Failures.Count > 0)
        {
            var room = ImportReport.MaxListedFailures - await imports.CountFailuresAsync(importId, cancellationToken);
            imports.AddFailures(batch.Failures.Take(Math.Max(room, 0)));
        }

        var skipped = batch.Users.Count - created;
        import.RecordBatch(rows.Count > 0 ? rows[^1].Row : import.LastRow, created, skipped, batch.FailedRows, now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        if (import.IsFinished)
        {
            LogSucceeded(logger, importId, import.RowsRead, import.Created, import.Skipped, import.Failed);
        }

        return new ImportBatchOutcome(created, skipped, batch.FailedRows, RowsRemain: !import.IsFinished);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} succeeded: {RowsRead} rows, {Created} created, {Skipped} skipped, {Failed} failed")]
    private static partial void LogSucceeded(ILogger logger, Guid importId, int rowsRead, int created, int skipped, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId} failed after {RowsProcessed} of {RowsRead} rows")]
    private static partial void LogFailed(ILogger logger, Guid importId, int rowsProcessed, int rowsRead);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId} does not exist; nothing to process")]
    private static partial void LogUnknown(ILogger logger, Guid importId);
}
