using Hangfire;
using Users.Application.CleanUp;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// The recurring Hangfire job of the clean-up (<c>CleanUp:Schedule</c>). Two runs never overlap, on any number of
/// servers: a run that finds the previous one still going waits for it, up to the timeout, then fails and is retried.
/// </summary>
public sealed class CleanUpJob(CleanUpService cleanUp)
{
    public const string Id = "clean-up";

    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [JobDisplayName("Clean-up")]
    public Task RunAsync(CancellationToken cancellationToken) => cleanUp.RunAsync(cancellationToken);
}
