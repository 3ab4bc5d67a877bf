using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Users.Tests.Support;

/// <summary>
/// A TCP forwarder on 127.0.0.1 in front of a real test server (PostgreSQL, the SMTP server), so a test can make it go
/// away under a running app (<see cref="BreakAsync"/>: every open connection is reset, new ones are reset as soon as
/// they are accepted) and come back (<see cref="Restore"/>), with nothing mocked.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Link> _links = [];
    private readonly Task _accepting;
    private bool _broken;

    /// <summary>Starts forwarding to the server the connection string names, from an ephemeral port.</summary>
    public TcpProxy(string connectionString)
        : this(
            new NpgsqlConnectionStringBuilder(connectionString).Host ?? throw new ArgumentException("The connection string names no host.", nameof(connectionString)),
            new NpgsqlConnectionStringBuilder(connectionString).Port)
    {
    }

    /// <summary>Starts forwarding to <paramref name="host"/>:<paramref name="port"/>, from an ephemeral port.</summary>
    public TcpProxy(string host, int port)
    {
        _targetHost = host;
        _targetPort = port;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_stopping.Token);
    }

    public int Port { get; }

    /// <summary>How many client connections are forwarded right now.</summary>
    public int OpenConnections
    {
        get
        {
            lock (_gate)
            {
                return _links.Count;
            }
        }
    }

    /// <summary>The same connection string, but to this proxy instead of the server.</summary>
    public string Route(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = IPAddress.Loopback.ToString(), Port = Port }.ConnectionString;

    /// <summary>Resets every forwarded connection and every new one from now on, without waiting.</summary>
    public void Break() => BreakLinks();

    /// <summary>Resets every forwarded connection and every new one from now on; done when the old ones are gone.</summary>
    public Task BreakAsync() => Task.WhenAll(BreakLinks().Select(link => link.Completion));

    /// <summary>Accepts and forwards connections again.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            _broken = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await BreakAsync();
        await _accepting;
        _stopping.Dispose();
    }

    private List<Link> BreakLinks()
    {
        List<Link> links;
        lock (_gate)
        {
            _broken = true;
            links = [.. _links];
        }

        foreach (var link in links)
        {
            link.Reset();
        }

        return links;
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped; a SocketException here is the listener being closed under a pending accept.
                return;
            }

            _ = ForwardAsync(client, cancellationToken);
        }
    }

    private async Task ForwardAsync(Socket client, CancellationToken cancellationToken)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        var link = new Link(client, server);
        lock (_gate)
        {
            if (_broken)
            {
                link.Reset();
                return;
            }

            _links.Add(link);
        }

        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, cancellationToken);
            await Task.WhenAll(PumpAsync(client, server, link, cancellationToken), PumpAsync(server, client, link, cancellationToken));
        }
        catch (Exception exception) when (IsDisconnect(exception))
        {
            // The server is not there, the proxy broke the link or is stopping: the client sees a reset.
            link.Reset();
        }
        finally
        {
            client.Dispose();
            server.Dispose();
            lock (_gate)
            {
                _links.Remove(link);
            }

            link.Complete();
        }
    }

    /// <summary>Copies one direction; passes a clean end on as a half-close and a failure as a reset of both sides.</summary>
    private static async Task PumpAsync(Socket from, Socket to, Link link, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                for (var sent = 0; sent < read;)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (IsDisconnect(exception))
        {
            // Reset by a peer or by Break: the other side learns of it the same way.
            link.Reset();
        }
    }

    private static bool IsDisconnect(Exception exception) =>
        exception is SocketException or ObjectDisposedException or OperationCanceledException or IOException;

    /// <summary>One client connection and the connection to the server it is forwarded over.</summary>
    private sealed class Link(Socket client, Socket server)
    {
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Completion => _completion.Task;

        /// <summary>Closes both sockets with a zero linger, so each peer gets a TCP reset rather than a clean close.</summary>
        public void Reset()
        {
            Abort(client);
            Abort(server);
        }

        public void Complete() => _completion.TrySetResult();

        private static void Abort(Socket socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // Already closed or never connected: closing is all that is left.
            }

            socket.Dispose();
        }
    }
}
