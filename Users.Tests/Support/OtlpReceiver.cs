using System.Collections.Concurrent;
using System.Net;

namespace Users.Tests.Support;

/// <summary>
/// An OTLP/HTTP endpoint on a free loopback port that keeps what exporters post to it (<c>/v1/logs</c>,
/// <c>/v1/traces</c>, <c>/v1/metrics</c>; protobuf bodies, read here as bytes) and answers 200, as a collector would.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private readonly Task _serving;

    public OtlpReceiver()
    {
        Endpoint = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        _listener.Prefixes.Add($"{Endpoint}");
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>Whether anything posted to <paramref name="path"/> so far holds <paramref name="text"/> (UTF-8, as protobuf keeps strings).</summary>
    public bool Received(string path, string text)
    {
        var wanted = System.Text.Encoding.UTF8.GetBytes(text);
        return _received.Any(export => export.Path == path && export.Body.AsSpan().IndexOf(wanted) >= 0);
    }

    public void Dispose()
    {
        _listener.Close();
        _ = _serving.Exception;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.Enqueue((context.Request.Url?.AbsolutePath ?? "", body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
