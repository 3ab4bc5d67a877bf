namespace Users.Application.Accounts;

/// <summary>A JWK Set (RFC 7517): the public keys that verify this service's access tokens.</summary>
public sealed class JsonWebKeySet
{
    /// <summary>One entry per key; a token's <c>kid</c> names the one that signed it.</summary>
    public required IReadOnlyList<JsonWebKeyResponse> Keys { get; init; }
}
