using Microsoft.Extensions.Options;

namespace Users.Api.Hosting;

/// <summary>
/// Holds the stop back for <see cref="HostingOptions.DrainTime"/> before the web server stops taking requests. The host
/// calls <see cref="StoppingAsync"/> before it stops any service, Kestrel included, so meanwhile the service answers as
/// usual but <c>/health/ready</c> says 503 (<see cref="ShutdownHealthCheck"/>): load balancers take the node out of
/// rotation while it still serves, then Kestrel stops accepting and lets the requests in flight finish.
/// </summary>
public sealed partial class ShutdownDrain(
    IHostApplicationLifetime lifetime, IOptions<HostingOptions> hosting, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // A node that never served has no traffic to drain.
        var drainTime = hosting.Value.DrainTime;
        if (!lifetime.ApplicationStarted.IsCancellationRequested || drainTime <= TimeSpan.Zero)
        {
            return;
        }

        // A signal has already announced the stop; a stop begun in code (StopAsync) announces it here, so readiness and
        // the job server react before the drain rather than after it. Announcing twice does nothing.
        lifetime.StopApplication();
        LogDraining(drainTime);
        try
        {
            await Task.Delay(drainTime, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout ran out first: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Stopping: /health/ready answers 503 while requests are still served for {DrainTime}, then the service stops taking requests")]
    private partial void LogDraining(TimeSpan drainTime);
}
