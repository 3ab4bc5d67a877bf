using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Users.Application.Errors;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Users;

public sealed class UserRepository(UsersDbContext db, IMapper mapper, CompiledUserQueries queries) : IUserRepository
{
    private const char LikeEscape = '\\';

    public Task<VersionedUser?> FindAsync(Guid id, CancellationToken cancellationToken) => queries.FindById(db, id, cancellationToken);

    public async Task<IReadOnlyList<UserResponse>> ListAsync(UserListCriteria criteria, CancellationToken cancellationToken)
    {
        var users = db.Users.AsQueryable();
        if (criteria.Before is { } before)
        {
            users = users.Where(user => user.Id < before);
        }

        if (criteria.IsActive is { } isActive)
        {
            users = users.Where(user => user.IsActive == isActive);
        }

        if (criteria.Search is { } search)
        {
            var pattern = $"%{EscapeLike(search)}%";
            users = users.Where(user =>
                EF.Functions.ILike(user.Email, pattern, LikeEscape.ToString()) ||
                EF.Functions.ILike(user.FullName, pattern, LikeEscape.ToString()));
        }

        return await users.OrderByDescending(user => user.Id)
            .Take(criteria.Take)
            .ProjectTo<UserResponse>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
    }

    public Task<User?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.AsTracking().FirstOrDefaultAsync(user => user.Id == id, cancellationToken);

    public void Add(User user) => db.Users.Add(user);

    public void Remove(User user) => db.Users.Remove(user);

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
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: UserConfiguration.UniqueEmailIndex,
        })
        {
            var email = exception.Entries.Select(entry => entry.Entity).OfType<User>().FirstOrDefault()?.Email ?? string.Empty;
            throw new EmailTakenException(email);
        }
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
