using System.Linq.Expressions;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Users;

/// <summary>
/// The read of one user and the page of a list, compiled once per process: the hottest queries skip building an
/// expression tree, EF Core's cache lookup and AutoMapper's projection on every call. Their projections are the ones
/// AutoMapper builds from the mapping profile, so the profile stays the single description of how users become DTOs.
/// </summary>
public sealed class CompiledUserQueries
{
    public CompiledUserQueries(IConfigurationProvider mapping)
    {
        var toVersionedUser = ProjectionOf<VersionedUser>(mapping);
        FindById = EF.CompileAsyncQuery((UsersDbContext db, Guid id, CancellationToken cancellationToken) =>
            db.Users.Where(user => user.Id == id).Select(toVersionedUser).FirstOrDefault());

        // A filter whose argument is null drops out of the SQL: EF Core simplifies "@p IS NULL OR ..." by the
        // argument's value and keeps one command per combination, so each list shape has its own statement and plan.
        var toUserResponse = ProjectionOf<UserResponse>(mapping);
        ListPage = EF.CompileAsyncQuery((UsersDbContext db, Guid? before, bool? isActive, string? pattern, int take) =>
            db.Users
                .Where(user => before == null || user.Id < before)
                .Where(user => isActive == null || user.IsActive == isActive)
                .Where(user => pattern == null ||
                    EF.Functions.ILike(user.Email, pattern, LikeEscape) ||
                    EF.Functions.ILike(user.FullName, pattern, LikeEscape))
                .OrderByDescending(user => user.Id)
                .Take(take)
                .Select(toUserResponse));
    }

    /// <summary>The escape character of <see cref="ListPage"/>'s <c>ILIKE</c> pattern.</summary>
    public const string LikeEscape = "\\";

    public Func<UsersDbContext, Guid, CancellationToken, Task<VersionedUser?>> FindById { get; }

    /// <summary>Up to <c>take</c> users older than <c>before</c>, newest first, filtered by state and an <c>ILIKE</c> pattern.</summary>
    public Func<UsersDbContext, Guid?, bool?, string?, int, IAsyncEnumerable<UserResponse>> ListPage { get; }

    /// <summary>The <c>Select</c> lambda that AutoMapper's <c>ProjectTo</c> would add to a query of users.</summary>
    private static Expression<Func<User, TDestination>> ProjectionOf<TDestination>(IConfigurationProvider mapping)
    {
        var projected = Enumerable.Empty<User>().AsQueryable().ProjectTo<TDestination>(mapping).Expression;
        return projected is MethodCallExpression { Method.Name: nameof(Queryable.Select), Arguments: [_, UnaryExpression { Operand: Expression<Func<User, TDestination>> lambda }] }
            ? lambda
            : throw new InvalidOperationException($"AutoMapper did not project {nameof(User)} to {typeof(TDestination).Name} with a single Select.");
    }
}
