namespace Users.Application.Idempotency;

/// <summary>
/// The answer to a request sent with an <c>Idempotency-Key</c>, as it was sent: what a retry with the key gets back.
/// </summary>
/// <param name="StatusCode">The HTTP status, a success (2xx): failures are never kept.</param>
/// <param name="ContentType">The body's media type, if it had a body.</param>
/// <param name="Headers">The headers that describe the outcome (<c>Location</c>, <c>ETag</c>), by name.</param>
/// <param name="Body">The body's bytes.</param>
public sealed record IdempotentResponse(int StatusCode, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body);
