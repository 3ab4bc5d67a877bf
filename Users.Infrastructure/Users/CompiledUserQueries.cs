using System.Linq.Expressions;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Users;

/// <summary>
/// The read of one user, compiled once per process: the hottest query skips EF Core's translation and cache lookup
/// on every call. Its projection is the one AutoMapper builds from the mapping profile, so the profile stays the
/// single description of how users become DTOs.
/// </summary>
public sealed class CompiledUserQueries
{
    public CompiledUserQueries(IConfigurationProvider mapping)
    {
        var toVersionedUser = ProjectionOf<VersionedUser>(mapping);
        FindById = EF.CompileAsyncQuery((UsersDbContext db, Guid id, CancellationToken cancellationToken) =>
            db.Users.Where(user => user.Id == id).Select(toVersionedUser).FirstOrDefault());
    }

    public Func<UsersDbContext, Guid, CancellationToken, Task<VersionedUser?>> FindById { get; }

    /// <summary>The <c>Select</c> lambda that AutoMapper's <c>ProjectTo</c> would add to a query of users.</summary>
    private static Expression<Func<User, TDestination>> ProjectionOf<TDestination>(IConfigurationProvider mapping)
    {
        var projected = Enumerable.Empty<User>().AsQueryable().ProjectTo<TDestination>(mapping).Expression;
        return projected is MethodCallExpression { Method.Name: nameof(Queryable.Select), Arguments: [_, UnaryExpression { Operand: Expression<Func<User, TDestination>> lambda }] }
            ? lambda
            : throw new InvalidOperationException($"AutoMapper did not project {nameof(User)} to {typeof(TDestination).Name} with a single Select.");
    }
}
