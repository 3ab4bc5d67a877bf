using AutoMapper;
using Users.Application.Accounts;
using Users.Application.Common;
using Users.Application.Errors;
using Users.Application.Jobs;
using Users.Domain.Users;

namespace Users.Application.Users;

/// <summary>The use cases of the users resource, on behalf of a caller. Requests reach it already validated.</summary>
public sealed class UserService(
    IUserRepository users,
    IRefreshTokenRepository refreshTokens,
    IOutbox outbox,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwords,
    IMapper mapper,
    TimeProvider clock)
{
    private const string Resource = "User";

    public async Task<VersionedUser> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken) =>
        UserAccess.CanSee(caller, id)
            ? await users.FindAsync(id, cancellationToken) ?? throw new NotFoundException(Resource, id)
            : throw new NotFoundException(Resource, id);

    public async Task<UserPage> ListAsync(Caller caller, ListUsersQuery query, CancellationToken cancellationToken)
    {
        UserAccess.EnsureAdmin(caller, "list users");
        var limit = query.Limit ?? ListUsersQuery.DefaultLimit;
        Guid? before = PageCursor.TryDecode(query.Cursor, out var lastId) ? lastId : null;
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();

        // One row past the page tells whether another page follows, without a count query.
        var rows = await users.ListAsync(new UserListCriteria(before, limit + 1, search, query.IsActive), cancellationToken);
        var items = rows.Count > limit ? rows.Take(limit).ToList() : rows;
        return new UserPage
        {
            Items = items,
            NextCursor = rows.Count > limit ? PageCursor.Encode(items[^1].Id) : null,
        };
    }

    public async Task<VersionedUser> CreateAsync(Caller caller, CreateUserRequest request, CancellationToken cancellationToken)
    {
        UserAccess.EnsureAdmin(caller, "create users");
        var now = clock.GetUtcNow();
        var user = User.Create(request.Email!, request.FullName!, request.IsActive ?? true, request.Role ?? UserRole.User, now);
        if (request.Password is not null)
        {
            user.SetPasswordHash(passwords.Hash(request.Password), now);
        }

        users.Add(user);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return mapper.Map<VersionedUser>(user);
    }

    public Task<VersionedUser> UpdateMeAsync(
        Caller caller, UpdateMeRequest request, ExpectedVersion expected, CancellationToken cancellationToken) =>
        UpdateAsync(caller, caller.UserId, new UpdateUserRequest { Email = request.Email, FullName = request.FullName }, expected, cancellationToken);

    public async Task<VersionedUser> UpdateAsync(
        Caller caller, Guid id, UpdateUserRequest request, ExpectedVersion expected, CancellationToken cancellationToken)
    {
        if (!UserAccess.CanSee(caller, id))
        {
            throw new NotFoundException(Resource, id);
        }

        UserAccess.EnsureCanChange(caller, request);

        // Only a change of access takes locks (the last-admin rule) and touches refresh tokens; the rest is one write.
        var changesAccess = request.IsActive is not null || request.Role is not null;
        return changesAccess
            ? await unitOfWork.InTransactionAsync(token => ApplyAsync(id, request, expected, token), cancellationToken)
            : await ApplyAsync(id, request, expected, cancellationToken);
    }

    public async Task DeleteAsync(Caller caller, Guid id, ExpectedVersion expected, CancellationToken cancellationToken)
    {
        UserAccess.EnsureAdmin(caller, "delete users");
        await unitOfWork.InTransactionAsync(
            async token =>
            {
                var user = await LoadForWriteAsync(id, expected, token);
                if (user.IsActiveAdmin)
                {
                    await EnsureAnotherActiveAdminAsync(user.Id, token);
                }

                users.Remove(user);
                await SaveAsync(expected, token);
                return user.Id;
            },
            cancellationToken);
    }

    private async Task<VersionedUser> ApplyAsync(Guid id, UpdateUserRequest request, ExpectedVersion expected, CancellationToken cancellationToken)
    {
        var user = await LoadForWriteAsync(id, expected, cancellationToken);
        var now = clock.GetUtcNow();
        var wasActiveAdmin = user.IsActiveAdmin;
        var access = (user.IsActive, user.Role);
        if (request.Email is not null)
        {
            // Another spelling of the same address stays as verified as it was; a new one is mailed a link once this commits.
            var newAddress = !user.HasEmail(request.Email);
            user.ChangeEmail(request.Email, now);
            if (newAddress)
            {
                outbox.Add(new VerificationMailRequested(user.Id, user.Email));
            }
        }

        if (request.FullName is not null)
        {
            user.Rename(request.FullName, now);
        }

        if (request.IsActive is { } isActive)
        {
            user.SetActive(isActive, now);
        }

        if (request.Role is { } role)
        {
            user.ChangeRole(role, now);
        }

        if (wasActiveAdmin && !user.IsActiveAdmin)
        {
            await EnsureAnotherActiveAdminAsync(user.Id, cancellationToken);
        }

        await SaveAsync(expected, cancellationToken);

        // A deactivated or re-roled user signs in again to get tokens that say so. After the user's row is written, so a
        // sign-in under way waits for this change and is refused, or was there first and is revoked here.
        if (access != (user.IsActive, user.Role))
        {
            await refreshTokens.RevokeAllOfUserAsync(user.Id, now, cancellationToken);
        }
        return mapper.Map<VersionedUser>(user);
    }

    private async Task EnsureAnotherActiveAdminAsync(Guid userId, CancellationToken cancellationToken)
    {
        var admins = await users.LockActiveAdminIdsAsync(cancellationToken);
        if (!admins.Any(admin => admin != userId))
        {
            throw new LastActiveAdminException();
        }
    }

    private async Task<User> LoadForWriteAsync(Guid id, ExpectedVersion expected, CancellationToken cancellationToken)
    {
        var user = await users.FindForUpdateAsync(id, cancellationToken) ?? throw new NotFoundException(Resource, id);
        return expected.Matches(user.Version) ? user : throw new PreconditionFailedException();
    }

    private async Task SaveAsync(ExpectedVersion expected, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException) when (!expected.IsAny)
        {
            // The version the client sent matched at read time but not at write time: its precondition failed.
            throw new PreconditionFailedException();
        }
    }
}
