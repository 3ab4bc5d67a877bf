using Microsoft.EntityFrameworkCore;
using Npgsql;
using Users.Application.Common;
using Users.Application.Errors;
using Users.Domain.Users;
using Users.Infrastructure.Jobs;
using Users.Infrastructure.Users;

namespace Users.Infrastructure.Persistence;

/// <summary>
/// Commits what the repositories and the outbox of a request staged on its one context, says what database errors
/// mean, and wakes the outbox dispatcher once staged messages are committed (not before: it would not see them yet).
/// </summary>
public sealed class UnitOfWork(UsersDbContext db, OutboxSignal outboxSignal) : IUnitOfWork
{
    private bool _outboxStagedInTransaction;

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var stagesOutbox = db.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.State == EntityState.Added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        catch (DbUpdateException exception) when (Translate(exception) is { } translated)
        {
            throw translated;
        }

        if (stagesOutbox)
        {
            if (db.Database.CurrentTransaction is null)
            {
                outboxSignal.Notify();
            }
            else
            {
                _outboxStagedInTransaction = true;
            }
        }
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        return await InTransactionAsync(work, commitIf: _ => true, cancellationToken);
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, bool> commitIf, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A transaction that may roll back alone cannot run inside another.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var outcome = await work(cancellationToken);
            if (!commitIf(outcome))
            {
                // Disposed uncommitted, the transaction rolls back.
                return outcome;
            }

            await transaction.CommitAsync(cancellationToken);
            if (_outboxStagedInTransaction)
            {
                outboxSignal.Notify();
            }

            return outcome;
        }
        finally
        {
            _outboxStagedInTransaction = false;
        }
    }

    /// <summary>Unique violations by the constraint that raised them: the one place that knows their names.</summary>
    private static readonly Dictionary<string, Func<DbUpdateException, ConflictException>> UniqueConstraints = new()
    {
        [UserConfiguration.UniqueEmailIndex] = exception =>
            new EmailTakenException(exception.Entries.Select(entry => entry.Entity).OfType<User>().FirstOrDefault()?.Email ?? string.Empty),
    };

    private static ConflictException? Translate(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } constraint } &&
        UniqueConstraints.TryGetValue(constraint, out var conflict)
            ? conflict(exception)
            : null;
}
