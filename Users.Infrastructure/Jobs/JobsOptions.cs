namespace Users.Infrastructure.Jobs;

/// <summary>
/// The <c>Jobs</c> settings: this node's role, its Hangfire server, Hangfire's PostgreSQL storage (in the service's
/// database, in a schema of its own), retries and the outbox dispatcher.
/// </summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public JobRole Role { get; set; } = JobRole.Both;

    /// <summary>Jobs a <see cref="JobRole.Worker"/> or <see cref="JobRole.Both"/> node runs at once.</summary>
    public int WorkerCount { get; set; } = 10;

    /// <summary>
    /// The queues this node's workers take jobs from, the first first; none given means <c>default</c>. (No default
    /// list here: configuration would add its items to it instead of replacing it.)
    /// </summary>
    public string[] Queues { get; set; } = [];

    /// <summary>The PostgreSQL schema that holds Hangfire's tables.</summary>
    public string Schema { get; set; } = "hangfire";

    /// <summary>How often an idle worker looks for a job; with long polling it is also woken when one is enqueued.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether idle workers are woken by PostgreSQL LISTEN/NOTIFY when a job is enqueued.</summary>
    public bool EnableLongPolling { get; set; } = true;

    /// <summary>
    /// How long a job that a worker took may go without that worker's heartbeat before another worker takes it: how
    /// soon the job of a crashed worker runs again. Running jobs keep it fresh, so it does not limit how long they run.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one of Hangfire's distributed locks may be held; a lock a killed process left is free after it.</summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a worker moves jobs whose retry is due back to their queue.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries of a failing job before it is left in the Failed state.</summary>
    public int RetryAttempts { get; set; } = 10;

    /// <summary>The wait before the first retry (whole seconds); each later one waits twice as long, at most an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>Whether this node runs a Hangfire server.</summary>
    public bool RunsJobs => Role is JobRole.Worker or JobRole.Both;

    public IReadOnlyList<string> ServedQueues => Queues is [] ? [Application.Jobs.OutboxMessageType.DefaultQueue] : Queues;
}
