using Microsoft.Extensions.Options;

namespace Users.Api.Hosting;

/// <summary>
/// The host's whole budget for stopping: the drain, then the time requests in flight and the job server get to finish.
/// The host reads it as it is built, so a bad <c>Hosting</c> setting is reported from there.
/// </summary>
public sealed class ShutdownTimeoutSetup(IOptions<HostingOptions> hosting) : IConfigureOptions<HostOptions>
{
    public void Configure(HostOptions options) => options.ShutdownTimeout = hosting.Value.DrainTime + hosting.Value.ShutdownTimeout;
}
