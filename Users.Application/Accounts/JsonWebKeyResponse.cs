using System.Text.Json.Serialization;

namespace Users.Application.Accounts;

/// <summary>The public part of one ES256 key (RFC 7518, 6.2).</summary>
public sealed class JsonWebKeyResponse
{
    /// <summary>Always <c>EC</c>.</summary>
    [JsonPropertyName("kty")]
    public required string KeyType { get; init; }

    /// <summary>Always <c>sig</c>.</summary>
    [JsonPropertyName("use")]
    public required string Use { get; init; }

    /// <summary>Always <c>ES256</c>.</summary>
    [JsonPropertyName("alg")]
    public required string Algorithm { get; init; }

    /// <summary>The key's id, as tokens carry it in <c>kid</c>.</summary>
    [JsonPropertyName("kid")]
    public required string KeyId { get; init; }

    /// <summary>Always <c>P-256</c>.</summary>
    [JsonPropertyName("crv")]
    public required string Curve { get; init; }

    /// <summary>The public point's x coordinate, base64url.</summary>
    [JsonPropertyName("x")]
    public required string X { get; init; }

    /// <summary>The public point's y coordinate, base64url.</summary>
    [JsonPropertyName("y")]
    public required string Y { get; init; }
}
