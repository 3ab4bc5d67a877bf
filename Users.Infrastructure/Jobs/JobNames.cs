using Hangfire.Common;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// What a job is called in spans and metrics: an outbox job by its message type (<c>VerificationMailRequested</c>), which
/// says what it does, others by their class (<c>CleanUpJob</c>). Never an id, so the names stay few.
/// </summary>
public static class JobNames
{
    public static string Of(Job? job) =>
        job switch
        {
            null => "unknown",
            { Type: var type, Args: [_, string messageType, ..] } when type == typeof(OutboxJob) => messageType,
            _ => job.Type.Name,
        };
}
