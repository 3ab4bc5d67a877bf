using System.Buffers.Text;

namespace Users.Application.Users;

/// <summary>
/// The opaque token behind <c>nextCursor</c>: the id of the last user on a page, base64url-encoded.
/// Clients must not build it; it may change shape.
/// </summary>
public static class PageCursor
{
    private const int IdBytes = 16;

    public static string Encode(Guid lastId)
    {
        Span<byte> bytes = stackalloc byte[IdBytes];
        lastId.TryWriteBytes(bytes, bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? cursor, out Guid lastId)
    {
        lastId = Guid.Empty;
        Span<byte> bytes = stackalloc byte[IdBytes];
        // TryDecodeFromChars throws on characters outside the alphabet; IsValid rules those out first.
        if (cursor is null || cursor.Length > 32 ||
            !Base64Url.IsValid(cursor, out var length) || length != IdBytes ||
            !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != IdBytes)
        {
            return false;
        }

        lastId = new Guid(bytes, bigEndian: true);
        return true;
    }
}
