namespace Users.Application.Idempotency;

/// <summary>
/// A completed request's key, the fingerprint of the request (what <see cref="RequestFingerprints.Create"/> made of its
/// digest) and its answer, kept from <c>CreatedAt</c> until <c>ExpiresAt</c>.
/// </summary>
public sealed record IdempotencyRecord(
    IdempotencyKey Key, string Fingerprint, IdempotentResponse Response, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public bool HasExpired(DateTimeOffset now) => ExpiresAt <= now;
}
