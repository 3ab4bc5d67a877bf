using Users.Domain.Users;

namespace Users.Application.Users;

/// <summary>Every query the service makes of stored users.</summary>
public interface IUserRepository
{
    /// <summary>Reads one user straight into its response shape, untracked.</summary>
    Task<VersionedUser?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Reads up to <see cref="UserListCriteria.Take"/> users, newest first, untracked.</summary>
    Task<IReadOnlyList<UserResponse>> ListAsync(UserListCriteria criteria, CancellationToken cancellationToken);

    /// <summary>Loads a user to change or remove it.</summary>
    Task<User?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken);

    void Add(User user);

    void Remove(User user);

    /// <summary>
    /// Saves pending changes. Throws <see cref="Errors.EmailTakenException"/> when the store's unique index rejects
    /// an email, and <see cref="Errors.ConcurrencyConflictException"/> when the row changed since it was loaded.
    /// </summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
