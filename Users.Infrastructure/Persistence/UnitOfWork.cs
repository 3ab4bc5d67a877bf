using Microsoft.EntityFrameworkCore;
using Npgsql;
using Users.Application.Common;
using Users.Application.Errors;
using Users.Domain.Users;
using Users.Infrastructure.Users;

namespace Users.Infrastructure.Persistence;

/// <summary>Commits what the repositories of a request staged on its one context, and says what database errors mean.</summary>
public sealed class UnitOfWork(UsersDbContext db) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
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
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
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
