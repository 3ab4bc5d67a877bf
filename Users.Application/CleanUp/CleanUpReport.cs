namespace Users.Application.CleanUp;

/// <summary>What one run of the clean-up removed.</summary>
public sealed record CleanUpReport(
    int RefreshTokens, int OneTimeTokens, int StagedImportRows, int OutboxMessages, int UnverifiedUsers, int IdempotencyKeys);
