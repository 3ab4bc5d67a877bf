using Hangfire;
using Hangfire.Common;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// The filters every job of this app runs with, in place of Hangfire's process-wide <c>GlobalJobFilters</c> (whose
/// retry policy is fixed at 10 attempts): retries with the <c>Jobs</c> settings' count and back-off, then the Failed
/// state with the exception as the reason; the dashboard's history; a span around each job (<see cref="JobTracing"/>)
/// and the count of state changes (<see cref="JobMetrics"/>). Attributes on job methods still apply.
/// </summary>
public static class JobFilters
{
    public static IJobFilterProvider Create(JobsOptions options, JobMetrics metrics)
    {
        var filters = new JobFilterCollection();
        filters.Add(new AutomaticRetryAttribute
        {
            Attempts = options.RetryAttempts,
            DelayInSecondsByAttemptFunc = attempt => RetryDelaySeconds(options.RetryDelay, attempt),
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
        filters.Add(new StatisticsHistoryAttribute());
        filters.Add(new JobTracing());
        filters.Add(metrics);
        return new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
    }

    /// <summary>The wait before retry <paramref name="attempt"/> (1, 2, ...): the first delay, doubled each time, at most an hour.</summary>
    public static int RetryDelaySeconds(TimeSpan firstDelay, long attempt) =>
        (int)Math.Min(Math.Ceiling(firstDelay.TotalSeconds) * Math.Pow(2, Math.Min(attempt - 1, 30)), JobsOptionsValidator.MaxRetryDelay.TotalSeconds);
}
