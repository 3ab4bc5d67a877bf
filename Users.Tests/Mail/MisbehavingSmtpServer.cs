using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Users.Tests.Mail;

/// <summary>
/// A server on 127.0.0.1 for the failures smtp4dev cannot be made to show: one that accepts connections and never
/// says a word (<see cref="Silent"/>), or one that offers AUTH and refuses every login (<see cref="RefusingLogins"/>).
/// </summary>
public sealed class MisbehavingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _refuseLogins;
    private readonly Task _serving;

    private MisbehavingSmtpServer(bool refuseLogins)
    {
        _refuseLogins = refuseLogins;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _serving = ServeAsync(_stopping.Token);
    }

    public int Port { get; }

    /// <summary>Done when the first client has connected.</summary>
    public Task Connected => _connected.Task;

    public static MisbehavingSmtpServer Silent() => new(refuseLogins: false);

    public static MisbehavingSmtpServer RefusingLogins() => new(refuseLogins: true);

    /// <summary>A port on 127.0.0.1 that nothing listens on: it was free a moment ago and is closed again.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        listener.Dispose();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _serving;
        _listener.Dispose();
        _stopping.Dispose();
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        var clients = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(cancellationToken);
                _connected.TrySetResult();
                clients.Add(ConverseAsync(client, cancellationToken));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }

        await Task.WhenAll(clients);
    }

    private async Task ConverseAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            if (!_refuseLogins)
            {
                // Take in whatever comes and answer nothing, until the client gives up or the server stops.
                var ignored = new byte[1024];
                while (await stream.ReadAsync(ignored, cancellationToken) > 0)
                {
                }

                return;
            }

            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ESMTP refusing every login");
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                await writer.WriteLineAsync(verb switch
                {
                    "EHLO" => "250-localhost\r\n250 AUTH PLAIN LOGIN",
                    "QUIT" => "221 2.0.0 Bye",
                    _ => "535 5.7.8 Authentication credentials invalid",
                });
                if (verb == "QUIT")
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException)
        {
            // Stopped, or the client went away.
        }
    }
}
