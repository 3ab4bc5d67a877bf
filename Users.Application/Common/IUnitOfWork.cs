namespace Users.Application.Common;

/// <summary>
/// The one place a request's changes are committed: whatever the repositories staged (users, refresh tokens, and
/// later outbox rows) is written together or not at all, and database errors come back as application errors.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Writes every staged change in one transaction. Throws <see cref="Errors.EmailTakenException"/> when a unique
    /// index rejects an email, and <see cref="Errors.ConcurrencyConflictException"/> when a row changed since it was read.
    /// </summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction: row locks it takes hold until the end, and everything
    /// it writes commits when it returns or rolls back when it throws.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction that commits only when <paramref name="commitIf"/> says
    /// so of what it returned, and rolls back otherwise or when it throws: for work whose failure is an answer rather
    /// than an exception. It must not run inside another transaction, which it could not roll back alone.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, bool> commitIf, CancellationToken cancellationToken);
}
