namespace Users.Application.Idempotency;

/// <summary>The kept answers of requests sent with an <c>Idempotency-Key</c>. Writes are staged on the unit of work.</summary>
public interface IIdempotencyRepository
{
    /// <summary>
    /// Takes the key's lock for the rest of the current transaction, without waiting: false when another transaction
    /// (a request with the same key still running) holds it. A transaction must be open.
    /// </summary>
    Task<bool> TryLockAsync(IdempotencyKey key, CancellationToken cancellationToken);

    /// <summary>The key's record, expired or not, or null.</summary>
    Task<IdempotencyRecord?> FindAsync(IdempotencyKey key, CancellationToken cancellationToken);

    /// <summary>Deletes the key's record now, in the current transaction.</summary>
    Task DeleteAsync(IdempotencyKey key, CancellationToken cancellationToken);

    /// <summary>Stages the record, to be saved with the request's own changes.</summary>
    void Add(IdempotencyRecord record);
}
