namespace Users.Api.Idempotency;

/// <summary>
/// Marks an action that creates something as taking an optional <c>Idempotency-Key</c> header: sent with one, the request
/// runs at most once per key and its retries get the first answer back (<see cref="IdempotentRequests"/>). The OpenAPI
/// document describes the header on these actions.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute
{
    /// <summary>Whether the body may hold a password, so that its fingerprint is kept as a slow, salted hash.</summary>
    public bool BodyHoldsSecrets { get; set; }
}
