using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Users.Application.Jobs;

namespace Users.Infrastructure.Jobs;

/// <summary>Stops the service at start-up, naming the setting, when a <c>Jobs</c> setting is out of range.</summary>
public sealed partial class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public const int MaxWorkerCount = 100;
    public const int MaxRetryAttempts = 100;
    public const int MaxBatchSize = 10_000;

    /// <summary>Hangfire.PostgreSql's lowest poll interval.</summary>
    public static readonly TimeSpan MinQueuePollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Running jobs refresh theirs every fifth of it; much shorter and a late heartbeat runs a live job twice.</summary>
    public static readonly TimeSpan MinInvisibilityTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private const string Section = JobsOptions.Section;

    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Role))
        {
            failures.Add($"{Section}:{nameof(options.Role)} must be Api, Worker or Both.");
        }

        if (options.WorkerCount is < 1 or > MaxWorkerCount)
        {
            failures.Add($"{Section}:{nameof(options.WorkerCount)} must be 1 to {MaxWorkerCount}.");
        }

        var badQueues = options.Queues.Where(queue => !OutboxMessageType.IsQueueName(queue)).ToList();
        if (badQueues.Count > 0)
        {
            failures.Add($"{Section}:{nameof(options.Queues)} may hold only lower-case letters, digits, '_' and '-' (not '{string.Join("', '", badQueues)}').");
        }
        else if (options.Queues.Distinct(StringComparer.Ordinal).Count() != options.Queues.Length)
        {
            failures.Add($"{Section}:{nameof(options.Queues)} names a queue twice.");
        }

        if (!SchemaName().IsMatch(options.Schema ?? string.Empty) || options.Schema is "public" or "information_schema" || options.Schema!.StartsWith("pg_", StringComparison.Ordinal))
        {
            failures.Add($"{Section}:{nameof(options.Schema)} must be a schema of Hangfire's own: a lower-case PostgreSQL name (letters, digits, '_'), not public.");
        }

        AtLeast(failures, nameof(options.QueuePollInterval), options.QueuePollInterval, MinQueuePollInterval);
        AtLeast(failures, nameof(options.InvisibilityTimeout), options.InvisibilityTimeout, MinInvisibilityTimeout);
        AtLeast(failures, nameof(options.DistributedLockTimeout), options.DistributedLockTimeout, TimeSpan.FromSeconds(1));
        AtLeast(failures, nameof(options.SchedulePollingInterval), options.SchedulePollingInterval, MinQueuePollInterval);
        if (options.RetryAttempts is < 0 or > MaxRetryAttempts)
        {
            failures.Add($"{Section}:{nameof(options.RetryAttempts)} must be 0 to {MaxRetryAttempts}.");
        }

        if (options.RetryDelay < TimeSpan.FromSeconds(1) || options.RetryDelay > MaxRetryDelay)
        {
            failures.Add($"{Section}:{nameof(options.RetryDelay)} must be from 00:00:01 to 01:00:00.");
        }

        AtLeast(failures, $"{nameof(options.Outbox)}:{nameof(options.Outbox.PollInterval)}", options.Outbox.PollInterval, MinQueuePollInterval);
        if (options.Outbox.BatchSize is < 1 or > MaxBatchSize)
        {
            failures.Add($"{Section}:{nameof(options.Outbox)}:{nameof(options.Outbox.BatchSize)} must be 1 to {MaxBatchSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AtLeast(List<string> failures, string setting, TimeSpan value, TimeSpan minimum)
    {
        if (value < minimum)
        {
            failures.Add($"{Section}:{setting} must be a time span of at least {minimum:c}.");
        }
    }

    // Hangfire's installer puts the name into its scripts as it is: nothing that needs quoting gets through.
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
