namespace Users.Application.Idempotency;

/// <summary>A request sent with an <c>Idempotency-Key</c>, as the web layer hands it to <see cref="IdempotencyService"/>.</summary>
public interface IIdempotentRequest
{
    /// <summary>Whether the body may hold a secret (a password), so that its fingerprint must be a slow, salted hash.</summary>
    bool BodyHoldsSecrets { get; }

    /// <summary>The SHA-256 of the request's method, path and body, reading whatever of the body is left.</summary>
    Task<byte[]> DigestAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs the request in the current transaction and returns its answer when it succeeded (2xx), or null when it did
    /// not, which rolls the transaction back. An exception rolls it back too.
    /// </summary>
    Task<IdempotentResponse?> RunAsync(CancellationToken cancellationToken);
}
