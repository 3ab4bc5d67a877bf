namespace Users.Infrastructure.Jobs;

/// <summary>What a node of the service does with background jobs (<c>Jobs:Role</c>).</summary>
public enum JobRole
{
    /// <summary>Serves the API and enqueues jobs; runs none.</summary>
    Api,

    /// <summary>Runs jobs (a Hangfire server); still answers HTTP, e.g. health checks, but takes no client traffic by design.</summary>
    Worker,

    /// <summary>Both: one process does everything (development, tests, a single-node deployment).</summary>
    Both,
}
