using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Users.Application.Idempotency;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Idempotency;

/// <summary>
/// The kept answers, and the lock that tells a running request from a finished one: a transaction-scoped advisory lock
/// on the key, which PostgreSQL releases at commit or rollback, and when a crashed node's connection drops, so a key is
/// never left "in progress" by a request that is gone.
/// </summary>
public sealed class IdempotencyRepository(UsersDbContext db) : IIdempotencyRepository
{
    public async Task<bool> TryLockAsync(IdempotencyKey key, CancellationToken cancellationToken)
    {
        var lockKey = LockKeyOf(key);
        return await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({lockKey}) AS \"Value\"")
            .SingleAsync(cancellationToken);
    }

    public async Task<IdempotencyRecord?> FindAsync(IdempotencyKey key, CancellationToken cancellationToken)
    {
        var entry = await db.Set<IdempotencyEntry>()
            .SingleOrDefaultAsync(entry => entry.Scope == key.Scope && entry.Key == key.Value, cancellationToken);
        return entry is null
            ? null
            : new IdempotencyRecord(
                key,
                entry.Fingerprint,
                new IdempotentResponse(
                    entry.StatusCode, entry.ContentType, JsonSerializer.Deserialize<Dictionary<string, string>>(entry.Headers) ?? [], entry.Body),
                entry.CreatedAt,
                entry.ExpiresAt);
    }

    public Task DeleteAsync(IdempotencyKey key, CancellationToken cancellationToken) =>
        db.Set<IdempotencyEntry>()
            .Where(entry => entry.Scope == key.Scope && entry.Key == key.Value)
            .ExecuteDeleteAsync(cancellationToken);

    public void Add(IdempotencyRecord record) =>
        db.Set<IdempotencyEntry>().Add(new IdempotencyEntry(
            record.Key.Scope,
            record.Key.Value,
            record.Fingerprint,
            record.Response.StatusCode,
            record.Response.ContentType,
            JsonSerializer.Serialize(record.Response.Headers),
            record.Response.Body,
            record.CreatedAt,
            record.ExpiresAt));

    /// <summary>
    /// 64 bits of a SHA-256 of scope and key. Two keys that share them only take turns (a spurious 409 at worst); the
    /// other advisory locks of this database take keys from other spaces with the same odds.
    /// </summary>
    private static long LockKeyOf(IdempotencyKey key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"idempotency-key\n{key.Scope}\n{key.Value}"));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
