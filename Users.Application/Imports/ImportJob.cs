using Users.Application.Jobs;

namespace Users.Application.Imports;

/// <summary>
/// Processes an import in a background job. Processing resumes where the last committed batch ended, so a job that
/// runs again (a retry, or another worker taking over from one that died) writes no row twice.
/// </summary>
public sealed class ImportJob(ImportProcessor processor) : IOutboxMessageHandler<ImportRequested>
{
    public Task HandleAsync(Guid messageId, ImportRequested message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.ImportId, cancellationToken);
}
