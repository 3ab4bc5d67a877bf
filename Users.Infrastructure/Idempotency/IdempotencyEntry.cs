namespace Users.Infrastructure.Idempotency;

/// <summary>
/// A row of <c>idempotency_keys</c>: a completed request's key, its fingerprint and its answer as sent. Written in the
/// same transaction as the request's changes, so a row exists exactly when they committed.
/// </summary>
public sealed class IdempotencyEntry
{
    // For the persistence layer.
    private IdempotencyEntry()
    {
        Scope = string.Empty;
        Key = string.Empty;
        Fingerprint = string.Empty;
        Headers = "{}";
        Body = [];
    }

    public IdempotencyEntry(
        string scope, string key, string fingerprint, int statusCode, string? contentType, string headers, byte[] body,
        DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Scope = scope;
        Key = key;
        Fingerprint = fingerprint;
        StatusCode = statusCode;
        ContentType = contentType;
        Headers = headers;
        Body = body;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public string Scope { get; private set; }

    public string Key { get; private set; }

    public string Fingerprint { get; private set; }

    public int StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    /// <summary>The kept response headers as a JSON object of names to values.</summary>
    public string Headers { get; private set; }

    public byte[] Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }
}
