namespace Users.Application.CleanUp;

/// <summary>The <c>CleanUp</c> settings: when the recurring clean-up runs and how long finished work is kept.</summary>
public sealed class CleanUpOptions
{
    public const string Section = "CleanUp";

    /// <summary>A cron expression (UTC) for the recurring clean-up job: every 15 minutes by default.</summary>
    public string Schedule { get; set; } = "*/15 * * * *";

    /// <summary>How long a finished import keeps its staged rows (its report is kept for good).</summary>
    public TimeSpan ImportRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a handled outbox message is kept, for looking into what the jobs did.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);
}
