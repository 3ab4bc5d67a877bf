namespace Users.Application.CleanUp;

/// <summary>The deletes of the recurring clean-up; each returns how many rows it removed.</summary>
public interface ICleanUpRepository
{
    Task<int> DeleteExpiredRefreshTokensAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<int> DeleteExpiredOneTimeTokensAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The staged rows of imports that finished before <paramref name="cutoff"/>; their reports stay.</summary>
    Task<int> DeleteStagedRowsOfImportsFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    Task<int> DeleteOutboxMessagesProcessedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Ordinary users (never admins) whose address is still unverified and who were created before <paramref name="cutoff"/>.</summary>
    Task<int> DeleteUnverifiedUsersCreatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>The kept answers of <c>Idempotency-Key</c> requests whose keys have expired.</summary>
    Task<int> DeleteExpiredIdempotencyKeysAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
