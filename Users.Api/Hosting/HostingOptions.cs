namespace Users.Api.Hosting;

/// <summary>
/// The <c>Hosting</c> settings: how the service leaves a load balancer's rotation when it is told to stop, and how long
/// a request may take.
/// </summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// After SIGTERM (or Ctrl-C), how long the service goes on serving while <c>/health/ready</c> answers 503, so that
    /// load balancers stop sending it requests before it stops taking them.
    /// </summary>
    public TimeSpan DrainTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After the drain, how long requests in flight and the job server get to finish before they are cut off.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a request may take before it is cancelled, database work included, and answered 504.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The same for an import's upload, which streams up to 100 MiB of CSV into the database.</summary>
    public TimeSpan ImportRequestTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
