using AutoMapper;
using Users.Application.Common;
using Users.Application.Errors;
using Users.Domain.Users;

namespace Users.Application.Users;

/// <summary>The use cases of the users resource. Requests reach it already validated.</summary>
public sealed class UserService(IUserRepository users, IMapper mapper, TimeProvider clock)
{
    private const string Resource = "User";

    public async Task<VersionedUser> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await users.FindAsync(id, cancellationToken) ?? throw new NotFoundException(Resource, id);

    public async Task<UserPage> ListAsync(ListUsersQuery query, CancellationToken cancellationToken)
    {
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

    public async Task<VersionedUser> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        var user = User.Create(request.Email!, request.FullName!, request.IsActive ?? true, clock.GetUtcNow());
        users.Add(user);
        await users.SaveChangesAsync(cancellationToken);
        return mapper.Map<VersionedUser>(user);
    }

    public async Task<VersionedUser> UpdateAsync(
        Guid id, UpdateUserRequest request, ExpectedVersion expected, CancellationToken cancellationToken)
    {
        var user = await LoadForWriteAsync(id, expected, cancellationToken);
        var now = clock.GetUtcNow();
        if (request.Email is not null)
        {
            user.ChangeEmail(request.Email, now);
        }

        if (request.FullName is not null)
        {
            user.Rename(request.FullName, now);
        }

        if (request.IsActive is { } isActive)
        {
            user.SetActive(isActive, now);
        }

        await SaveAsync(expected, cancellationToken);
        return mapper.Map<VersionedUser>(user);
    }

    public async Task DeleteAsync(Guid id, ExpectedVersion expected, CancellationToken cancellationToken)
    {
        var user = await LoadForWriteAsync(id, expected, cancellationToken);
        users.Remove(user);
        await SaveAsync(expected, cancellationToken);
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
            await users.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException) when (!expected.IsAny)
        {
            // The version the client sent matched at read time but not at write time: its precondition failed.
            throw new PreconditionFailedException();
        }
    }
}
