using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Users.Tests.Support;

/// <summary>
/// The built service run as operators run it, <c>dotnet /path/to/Users.Api.dll --urls ...</c>, as a process of its own:
/// from the working directory a test chooses, on the test database unless the test names another, with
/// <see cref="TestSettings"/> and the test's own settings (a null value removes one) in its environment, on real loopback
/// ports: what an in-memory test server cannot show, such as which port serves what, or a SIGTERM. What it prints is
/// kept for failure messages. Disposing kills it if it still runs.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _probe;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>Everything it printed so far, standard output and error interleaved.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>A loopback port nothing listens on at the moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Starts it from its own folder on a free port, and waits until it serves.</summary>
    public static async Task<ServiceProcess> StartServingAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var service = Start(FreePort(), AppContext.BaseDirectory, settings);
        await service.WaitUntilServingAsync();
        return service;
    }

    public static ServiceProcess Start(
        int port, string workingDirectory, IReadOnlyDictionary<string, string?>? settings = null, params string[] arguments)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Users.Api.dll"), "--urls", address.ToString() },
        };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var merged = TestSettings.With(settings);
        merged.TryAdd("ConnectionStrings:Users", TestDatabase.ConnectionString);
        foreach (var (key, value) in merged.Where(setting => setting.Value is not null))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process, address);
        process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until it answers <c>/health/live</c>; fails the test if it exits first.</summary>
    public async Task WaitUntilServingAsync()
    {
        await Poll.UntilAsync(
            async () => _process.HasExited ? (HttpStatusCode?)null : await ProbeAsync("/health/live"),
            status => status == HttpStatusCode.OK || _process.HasExited,
            "the service to serve /health/live",
            context: () => Output);
        if (_process.HasExited)
        {
            Assert.Fail($"The service exited ({_process.ExitCode}) instead of serving: {Output}");
        }
    }

    /// <summary>The status of a GET on a connection of its own, or null if nothing answers (refused, cut).</summary>
    public async Task<HttpStatusCode?> ProbeAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.ConnectionClose = true;
        try
        {
            using var response = await _probe.SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>A client of its own, with its own connections.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = ExitTimeout };

    /// <summary>Sends SIGTERM, as <c>docker stop</c>, Kubernetes and systemd do.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, "kill -TERM failed");
    }

    /// <summary>Waits for it to exit and returns its exit code; fails the test if it does not exit in time.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The service did not exit within {ExitTimeout}: {Output}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        _probe.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
