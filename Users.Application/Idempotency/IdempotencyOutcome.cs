namespace Users.Application.Idempotency;

/// <summary>What became of a request sent with an <c>Idempotency-Key</c>.</summary>
public enum IdempotencyOutcome
{
    /// <summary>It ran now; its own answer stands (and, if it succeeded, is kept for retries).</summary>
    Ran,

    /// <summary>It ran before; the kept answer is the answer.</summary>
    Replayed,

    /// <summary>A request with the same key is still running; nothing ran.</summary>
    InProgress,

    /// <summary>The key was used for a different request (another body, method or path); nothing ran.</summary>
    KeyReused,
}
