using System.Buffers.Text;
using System.Security.Cryptography;

namespace Users.Application.Accounts;

/// <summary>
/// Refresh tokens and mailed one-time tokens as clients hold them: 256 random bits, base64url. The store keeps only
/// their SHA-256; with this much entropy a fast hash is enough, and a stolen table yields no usable token.
/// </summary>
public static class TokenSecret
{
    private const int SecretBytes = 32;
    private const int EncodedLength = 43;

    public static (string Token, byte[] Hash) Create()
    {
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        return (Base64Url.EncodeToString(secret), SHA256.HashData(secret));
    }

    /// <summary>The stored hash of a token, or null when the text cannot be a token this service issued.</summary>
    public static byte[]? HashOf(string? token)
    {
        Span<byte> secret = stackalloc byte[SecretBytes];
        if (token is not { Length: EncodedLength } ||
            !Base64Url.IsValid(token, out var length) || length != SecretBytes ||
            !Base64Url.TryDecodeFromChars(token, secret, out var written) || written != SecretBytes)
        {
            return null;
        }

        return SHA256.HashData(secret);
    }
}
