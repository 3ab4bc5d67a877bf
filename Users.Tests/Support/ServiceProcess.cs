using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Users.Tests.Support;

/// <summary>
/// The built service run as operators run it, <c>dotnet Users.Api.dll --urls ...</c> from the test's output directory,
/// listening on real loopback ports: what an in-memory test server cannot show, such as which port serves what.
/// Test settings come as environment variables; disposing kills it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri publicUrl)
    {
        _process = process;
        PublicUrl = publicUrl;
    }

    public Uri PublicUrl { get; }

    /// <summary>What it printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A loopback port nothing listens on at the moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Starts the service on <c>--urls http://127.0.0.1:{free port}</c> with the test settings and <paramref name="settings"/>
    /// (environment-variable names, <c>__</c> for <c>:</c>) against <paramref name="connectionString"/>, and waits until it is live.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var publicUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Users.Api.dll"), "--urls", publicUrl.ToString().TrimEnd('/') },
        };
        var environment = start.Environment;
        foreach (var (key, value) in TestSettings.Defaults.Where(setting => setting.Value is not null))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        environment["ConnectionStrings__Users"] = connectionString;
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var service = new ServiceProcess(process, publicUrl);
        process.OutputDataReceived += (_, line) => service.Append(line.Data);
        process.ErrorDataReceived += (_, line) => service.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilLiveAsync();
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = PublicUrl, Timeout = TimeSpan.FromSeconds(5) };
        await Poll.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    return "exited";
                }

                try
                {
                    using var response = await client.GetAsync("/health/live");
                    return response.StatusCode.ToString();
                }
                catch (HttpRequestException exception)
                {
                    return exception.Message;
                }
            },
            seen => seen is "OK" or "exited",
            "the service to answer /health/live",
            StartTimeout,
            () => Output);
        Assert.That(_process.HasExited, Is.False, $"the service exited: {Output}");
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
