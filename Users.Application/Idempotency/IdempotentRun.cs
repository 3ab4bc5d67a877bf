namespace Users.Application.Idempotency;

/// <summary>What <see cref="IdempotencyService.RunOnceAsync"/> did, and the kept answer when it replayed one.</summary>
public sealed record IdempotentRun(IdempotencyOutcome Outcome, IdempotentResponse? Replay = null);
