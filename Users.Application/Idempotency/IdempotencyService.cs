using Microsoft.Extensions.Options;
using Users.Application.Common;

namespace Users.Application.Idempotency;

/// <summary>
/// Runs a request sent with an <c>Idempotency-Key</c> at most once per key (the IETF httpapi draft's semantics). In one
/// transaction: the key's lock is taken without waiting (held: a request with the key is running, so this one is
/// refused); a kept, unexpired answer is replayed if the request is the same (its fingerprint matches) and refused if
/// not; otherwise the request runs and, if it succeeded, its answer is saved with its own changes, so the answer is
/// kept exactly when the change commits. A request that fails rolls back and keeps nothing: the key stays free.
/// </summary>
public sealed class IdempotencyService(
    IIdempotencyRepository records,
    IUnitOfWork unitOfWork,
    RequestFingerprints fingerprints,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock)
{
    public async Task<IdempotentRun> RunOnceAsync(IdempotencyKey key, IIdempotentRequest request, CancellationToken cancellationToken)
    {
        var (run, _) = await unitOfWork.InTransactionAsync(
            token => RunLockedAsync(key, request, token), commitIf: outcome => outcome.Keep, cancellationToken);
        return run;
    }

    private async Task<(IdempotentRun Run, bool Keep)> RunLockedAsync(IdempotencyKey key, IIdempotentRequest request, CancellationToken cancellationToken)
    {
        if (!await records.TryLockAsync(key, cancellationToken))
        {
            return (new IdempotentRun(IdempotencyOutcome.InProgress), false);
        }

        var kept = await records.FindAsync(key, cancellationToken);
        if (kept is not null && !kept.HasExpired(clock.GetUtcNow()))
        {
            var same = fingerprints.Matches(kept.Fingerprint, await request.DigestAsync(cancellationToken));
            return same
                ? (new IdempotentRun(IdempotencyOutcome.Replayed, kept.Response), false)
                : (new IdempotentRun(IdempotencyOutcome.KeyReused), false);
        }

        if (kept is not null)
        {
            // Expired: the key is free again. The delete commits with the new answer, or rolls back with a failure.
            await records.DeleteAsync(key, cancellationToken);
        }

        var response = await request.RunAsync(cancellationToken);
        if (response is null)
        {
            return (new IdempotentRun(IdempotencyOutcome.Ran), false);
        }

        var fingerprint = fingerprints.Create(await request.DigestAsync(cancellationToken), request.BodyHoldsSecrets);
        var now = clock.GetUtcNow();
        records.Add(new IdempotencyRecord(key, fingerprint, response, now, now + options.Value.KeyLifetime));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return (new IdempotentRun(IdempotencyOutcome.Ran), true);
    }
}
