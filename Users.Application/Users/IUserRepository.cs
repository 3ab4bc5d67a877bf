using Users.Domain.Users;

namespace Users.Application.Users;

/// <summary>Every query the service makes of stored users. Changes are staged here and committed by the unit of work.</summary>
public interface IUserRepository
{
    /// <summary>Reads one user straight into its response shape, untracked.</summary>
    Task<VersionedUser?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Reads up to <see cref="UserListCriteria.Take"/> users, newest first, untracked.</summary>
    Task<IReadOnlyList<UserResponse>> ListAsync(UserListCriteria criteria, CancellationToken cancellationToken);

    /// <summary>Loads a user to change or remove it.</summary>
    Task<User?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Loads the user with this email, compared without regard to case, to sign them in or change them.</summary>
    Task<User?> FindByEmailForUpdateAsync(string email, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of the active admins, locked until the current transaction ends, so two requests cannot each remove
    /// a different one of the last two.
    /// </summary>
    Task<IReadOnlyList<Guid>> LockActiveAdminIdsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether the user is still active with this password hash, holding the row against changes until the current
    /// transaction ends: a sign-in checked against it cannot outlive a password change or deactivation at the same moment.
    /// </summary>
    Task<bool> HoldCredentialsAsync(Guid id, string passwordHash, CancellationToken cancellationToken);

    /// <summary>The password hash stored now for an active user, read afresh (not from a copy this request holds).</summary>
    Task<string?> FindActivePasswordHashAsync(Guid id, CancellationToken cancellationToken);

    void Add(User user);

    /// <summary>
    /// Inserts the users at once, in the current transaction, leaving out each whose email is taken regardless of case:
    /// by a stored user, or by one earlier in the list. Returns how many it inserted.
    /// </summary>
    Task<int> AddUnlessEmailTakenAsync(IReadOnlyList<User> users, CancellationToken cancellationToken);

    void Remove(User user);
}
