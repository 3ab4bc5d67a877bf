using Microsoft.EntityFrameworkCore;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Infrastructure.Persistence;
using Users.Infrastructure.Replicas;

namespace Users.Infrastructure.Users;

public sealed class UserRepository(UsersDbContext db, CompiledUserQueries queries, ReplicaReads replicaReads) : IUserRepository
{
    public Task<VersionedUser?> FindAsync(Guid id, CancellationToken cancellationToken) => queries.FindById(db, id, cancellationToken);

    // A page may be a moment stale (the replica, within Database:MaxReplicaLag): no write reads it back.
    public Task<IReadOnlyList<UserResponse>> ListAsync(UserListCriteria criteria, CancellationToken cancellationToken) =>
        replicaReads.ReadAsync(db, queries, (context, compiled, token) => PageAsync(context, compiled, criteria, token), cancellationToken);

    // One query, planned by PostgreSQL from its statistics: a common term walks the primary key newest first and stops
    // at a full page; a rare one is fetched through the trigram indexes (UserSearchConfiguration) and sorted. Where its
    // sample misjudges a term, and what that costs, is in the README (Benchmarks).
    private static async Task<IReadOnlyList<UserResponse>> PageAsync(
        UsersDbContext context, CompiledUserQueries compiled, UserListCriteria criteria, CancellationToken cancellationToken)
    {
        var pattern = criteria.Search is { } search ? $"%{EscapeLike(search)}%" : null;
        var page = new List<UserResponse>(criteria.Take);
        await foreach (var user in compiled.ListPage(context, criteria.Before, criteria.IsActive, pattern, criteria.Take).WithCancellation(cancellationToken))
        {
            page.Add(user);
        }

        return page;
    }

    public Task<User?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.AsTracking().FirstOrDefaultAsync(user => user.Id == id, cancellationToken);

    // PostgreSQL's lower(), the function the unique index is built on (not .NET's, which differs on a few letters).
    public Task<User?> FindByEmailForUpdateAsync(string email, CancellationToken cancellationToken) =>
        db.Users.FromSql($"SELECT *, xmin FROM users WHERE normalized_email = lower({email})")
            .AsTracking()
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> LockActiveAdminIdsAsync(CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM users WHERE role = {UserConfiguration.AdminRole} AND is_active FOR UPDATE")
            .ToListAsync(cancellationToken);

    // FOR SHARE waits for a concurrent change of the row to commit and then tests the new version.
    public async Task<bool> HoldCredentialsAsync(Guid id, string passwordHash, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM users WHERE id = {id} AND password_hash = {passwordHash} AND is_active FOR SHARE")
            .ToListAsync(cancellationToken) is [_];

    public Task<string?> FindActivePasswordHashAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(user => user.Id == id && user.IsActive).Select(user => user.PasswordHash).FirstOrDefaultAsync(cancellationToken);

    public void Add(User user) => db.Users.Add(user);

    // One statement for the lot: DISTINCT ON keeps the first of the list's users per email (by position),
    // and ON CONFLICT leaves out those the unique index finds taken, by committed users or by concurrent inserts.
    // Rows go in by email, so two such inserts with emails in common wait for each other in one order, never in a cycle.
    public Task<int> AddUnlessEmailTakenAsync(IReadOnlyList<User> users, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return Task.FromResult(0);
        }

        var ids = users.Select(user => user.Id).ToArray();
        var emails = users.Select(user => user.Email).ToArray();
        var fullNames = users.Select(user => user.FullName).ToArray();
        var active = users.Select(user => user.IsActive).ToArray();
        var roles = users.Select(user => user.Role == UserRole.Admin ? UserConfiguration.AdminRole : UserConfiguration.UserRoleValue).ToArray();
        var passwordHashes = users.Select(user => user.PasswordHash).ToArray();
        var createdAt = users.Select(user => user.CreatedAt).ToArray();
        var updatedAt = users.Select(user => user.UpdatedAt).ToArray();
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO users (id, email, full_name, is_active, role, password_hash, created_at, updated_at)
            SELECT DISTINCT ON (lower(email)) id, email, full_name, is_active, role, password_hash, created_at, updated_at
            FROM unnest({ids}, {emails}, {fullNames}, {active}, {roles}, {passwordHashes}, {createdAt}, {updatedAt}) WITH ORDINALITY
                AS batch(id, email, full_name, is_active, role, password_hash, created_at, updated_at, position)
            ORDER BY lower(email), position
            ON CONFLICT (normalized_email) DO NOTHING
            """,
            cancellationToken);
    }

    public void Remove(User user) => db.Users.Remove(user);

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
