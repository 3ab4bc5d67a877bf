using System.Net;
using System.Net.Http.Headers;

namespace Users.Tests.Security;

/// <summary>
/// A JSON body of the given size, an object opened and then whitespace, sent without Content-Length (chunked), as a
/// client streaming it would: only reading it can tell how large it is.
/// </summary>
public sealed class UnsizedContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    private readonly long _size;

    public UnsizedContent(long size)
    {
        _size = size;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[ChunkSize];
        Array.Fill(chunk, (byte)' ');
        chunk[0] = (byte)'{';
        for (long sent = 0; sent < _size; sent += ChunkSize)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(ChunkSize, _size - sent)));
            chunk[0] = (byte)' ';
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
