using Users.Application.Imports;
using Users.Application.Jobs;

namespace Users.Tests.Imports;

/// <summary>
/// The shared test app's handler for import jobs: it leaves each import queued, so the import tests decide when and how
/// its processing runs (twice, twice at once, stopped half-way). <see cref="ImportJobTests"/> runs the real job, on apps
/// and a database of their own.
/// </summary>
public sealed class ImportsLeftToTheTests : IOutboxMessageHandler<ImportRequested>
{
    public Task HandleAsync(Guid messageId, ImportRequested message, CancellationToken cancellationToken) => Task.CompletedTask;
}
