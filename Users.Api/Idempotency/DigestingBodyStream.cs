using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Users.Api.Idempotency;

/// <summary>
/// The request body, hashed as whoever reads it reads it: the SHA-256 of the method, the path and the body's bytes, so
/// that a body is never held in memory to be fingerprinted, however large (an import's CSV file).
/// </summary>
public sealed class DigestingBodyStream : Stream
{
    private const int DrainBufferBytes = 16 * 1024;

    private readonly Stream _body;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? _digest;

    public DigestingBodyStream(Stream body, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _body = body;

        // Paths are matched regardless of case, so /api/v1/Users is the same request as /api/v1/users.
        var path = $"{request.PathBase}{request.Path}".ToLowerInvariant();
        var target = $"{request.Method} {path}{request.QueryString}";
        _hash.AppendData(Encoding.UTF8.GetBytes(target + "\n"));
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Reads whatever of the body is left and returns the digest of all of it; again, the same digest.</summary>
    public async Task<byte[]> DigestAsync(CancellationToken cancellationToken)
    {
        if (_digest is null)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(DrainBufferBytes);
            try
            {
                while (await ReadAsync(buffer, cancellationToken) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            _digest = _hash.GetHashAndReset();
        }

        return _digest;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _body.Read(buffer);
        Append(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _body.ReadAsync(buffer, cancellationToken);
        Append(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The body itself belongs to the server.
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Append(ReadOnlySpan<byte> read)
    {
        if (read.Length > 0 && _digest is not null)
        {
            throw new InvalidOperationException("The body was read after its digest was taken.");
        }

        _hash.AppendData(read);
    }
}
