using Users.Application.Accounts;
using Users.Application.Common;
using Users.Application.Errors;
using Users.Application.Jobs;
using Users.Application.Users;
using Users.Domain.Imports;

namespace Users.Application.Imports;

/// <summary>Bulk imports of users from CSV files, for admins: taking a file in and reporting on it.</summary>
public sealed class ImportService(IUserImportRepository imports, IOutbox outbox, IUnitOfWork unitOfWork, TimeProvider clock)
{
    private const string Resource = "Import";

    /// <summary>
    /// Checks the file's header, then stores its rows as they arrive, with the queued import, in one transaction: a
    /// file that turns out unreadable, too large or cut off leaves nothing behind. Rows are checked and written later
    /// by <see cref="ImportProcessor"/>, in a job on a worker.
    /// </summary>
    public async Task<ImportReport> StartAsync(Caller caller, Stream csv, CancellationToken cancellationToken)
    {
        UserAccess.EnsureAdmin(caller, "import users");
        await using var file = await ImportCsv.OpenAsync(csv, cancellationToken);
        var import = await unitOfWork.InTransactionAsync(
            async token =>
            {
                var queued = UserImport.Queue(caller.UserId, file.ColumnCount, clock.GetUtcNow());
                var rowsRead = await imports.StageAsync(queued.Id, file.ReadRowsAsync(token), token);
                queued.Staged(rowsRead);
                imports.Add(queued);

                // The job that processes it is committed with the import: no import without its job, and no job for a
                // file that was refused half-way.
                outbox.Add(new ImportRequested(queued.Id));
                await unitOfWork.SaveChangesAsync(token);
                return queued;
            },
            cancellationToken);
        return ImportReport.Of(import, []);
    }

    public async Task<ImportReport> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        UserAccess.EnsureAdmin(caller, "read imports");
        var import = await imports.FindAsync(id, cancellationToken) ?? throw new NotFoundException(Resource, id);
        var failures = await imports.ListFailuresAsync(id, ImportReport.MaxListedFailures, cancellationToken);
        return ImportReport.Of(import, failures);
    }
}
