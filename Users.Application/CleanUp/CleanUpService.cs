using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Users.Application.Accounts;

namespace Users.Application.CleanUp;

/// <summary>
/// Removes what nobody can use any more: expired refresh and one-time tokens, finished imports' staged rows and handled
/// outbox messages past their retention, the answers of expired <c>Idempotency-Key</c>s, and, when
/// <c>Accounts:UnverifiedAccountTtl</c> is set, ordinary accounts whose address stayed unverified for longer. Each delete is idempotent, so a run that is repeated or cut short is harmless.
/// </summary>
public sealed partial class CleanUpService(
    ICleanUpRepository store,
    IOptions<CleanUpOptions> options,
    IOptions<AccountOptions> accounts,
    TimeProvider clock,
    ILogger<CleanUpService> logger)
{
    public async Task<CleanUpReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var report = new CleanUpReport(
            await store.DeleteExpiredRefreshTokensAsync(now, cancellationToken),
            await store.DeleteExpiredOneTimeTokensAsync(now, cancellationToken),
            await store.DeleteStagedRowsOfImportsFinishedBeforeAsync(now - options.Value.ImportRetention, cancellationToken),
            await store.DeleteOutboxMessagesProcessedBeforeAsync(now - options.Value.OutboxRetention, cancellationToken),
            accounts.Value.UnverifiedAccountTtl is { } ttl
                ? await store.DeleteUnverifiedUsersCreatedBeforeAsync(now - ttl, cancellationToken)
                : 0,
            await store.DeleteExpiredIdempotencyKeysAsync(now, cancellationToken));
        LogRemoved(report);
        return report;
    }

    // Counts only: the record prints as "CleanUpReport { RefreshTokens = 3, OneTimeTokens = 0, ... }".
    [LoggerMessage(LogLevel.Information, "Clean-up done: {Removed}")]
    private partial void LogRemoved(CleanUpReport removed);
}
