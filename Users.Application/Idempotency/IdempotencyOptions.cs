namespace Users.Application.Idempotency;

/// <summary>The <c>Idempotency</c> settings: how long the answer to a request sent with an <c>Idempotency-Key</c> is kept.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>The longest a key may be kept; beyond it the table holds answers no client still retries.</summary>
    public static readonly TimeSpan MaxKeyLifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// How long after a request completed a retry with its key gets its answer back; after that the key is free again
    /// and the clean-up deletes the answer. 24 hours by default.
    /// </summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(24);
}
