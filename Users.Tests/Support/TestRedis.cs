using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Users.Tests.Support;

/// <summary>
/// The Redis the shared rate-limit tests count in, on 127.0.0.1 and the <c>Redis:Port</c> of appsettings.Tests.json
/// (6391) or <c>Redis__Port</c>. scripts/test.sh starts one there; when none answers, the first test that needs it
/// starts Debian's <c>redis-server</c> (nothing kept on disk) and the run stops it at the end. Without either, those
/// tests fail saying what to install.
/// </summary>
public static class TestRedis
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Process? s_started;
    private static DirectoryInfo? s_directory;

    public static int Port { get; } = TestConfiguration.Root.GetValue<int?>("Redis:Port")
        ?? throw new InvalidOperationException("Redis:Port is not set (appsettings.Tests.json or Redis__Port).");

    /// <summary>Where it listens.</summary>
    public static string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>The <c>RateLimits:Redis</c> setting of an app that counts in it.</summary>
    public static string Configuration => SettingFor(Endpoint);

    /// <summary>
    /// The <c>RateLimits:Redis</c> setting for a Redis at <paramref name="endpoint"/>, with timeouts a busy test machine
    /// never meets: the service's own half-second would now and then send a request to the local limiter and change
    /// what a test counts. Outages the tests make are refused or reset connections, which fall back at once anyway.
    /// </summary>
    public static string SettingFor(string endpoint) => $"{endpoint},connectTimeout=10000,syncTimeout=10000,asyncTimeout=10000";

    /// <summary>Makes sure a Redis answers on <see cref="Port"/>, starting one if need be.</summary>
    public static async Task EnsureRunningAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (await AnswersAsync(Port))
            {
                return;
            }

            var server = FindServer();
            if (server is null)
            {
                Assert.Fail(
                    $"No Redis answers on {Endpoint} and redis-server is not installed: the Redis tests need Debian's " +
                    "redis-server (sudo apt-get install -y redis-server; scripts/test.sh installs it when run as root).");
            }

            s_directory = Directory.CreateTempSubdirectory("users-tests-redis-");
            var start = new ProcessStartInfo(server!) { UseShellExecute = false };
            foreach (var argument in (string[])[
                "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--save", string.Empty, "--appendonly", "no",
                "--dir", s_directory.FullName, "--logfile", Path.Combine(s_directory.FullName, "redis.log")])
            {
                start.ArgumentList.Add(argument);
            }

            s_started = Process.Start(start);
            await Poll.UntilAsync(() => AnswersAsync(Port), answers => answers, $"the redis-server the tests started to answer on {Endpoint}");
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the Redis <see cref="EnsureRunningAsync"/> started, if it did.</summary>
    public static async Task StopIfStartedAsync()
    {
        if (s_started is { } process)
        {
            s_started = null;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }

        s_directory?.Delete(recursive: true);
        s_directory = null;
    }

    /// <summary>Forgets every budget counted so far.</summary>
    public static async Task FlushAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{Endpoint},allowAdmin=true");
        await connection.GetServer(Endpoint).FlushDatabaseAsync();
    }

    /// <summary>Whether something on 127.0.0.1:<paramref name="port"/> answers PING as Redis does.</summary>
    public static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var reply = new byte[5];
            await stream.ReadExactlyAsync(reply, timeout.Token);
            return reply.AsSpan().SequenceEqual("+PONG"u8);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException or EndOfStreamException)
        {
            return false;
        }
    }

    private static string? FindServer() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
}
