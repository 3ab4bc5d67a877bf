using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Users.Infrastructure.Persistence;
using Users.Infrastructure.Replicas;
using Users.Infrastructure.Users;

namespace Users.Tests.Support;

/// <summary>
/// The service's user repository on a context of its own, on the test database, with an interceptor that sees what it
/// sends (<see cref="QueryPlanCapture"/>). It has compiled queries of its own too: a compiled query keeps to the model it
/// first ran with, and the interceptor makes this context's another.
/// </summary>
public sealed class InterceptedUserRepository : IAsyncDisposable
{
    private InterceptedUserRepository(UsersDbContext db, UserRepository users)
    {
        Db = db;
        Users = users;
    }

    public UsersDbContext Db { get; }

    public UserRepository Users { get; }

    public static InterceptedUserRepository Create(IServiceProvider services, IInterceptor interceptor)
    {
        var options = new DbContextOptionsBuilder<UsersDbContext>();
        UsersDbContextOptions.Configure(options, TestDatabase.ConnectionString).AddInterceptors(interceptor);
        var db = new UsersDbContext(options.Options);
        var users = new UserRepository(
            db,
            new CompiledUserQueries(services.GetRequiredService<AutoMapper.IConfigurationProvider>()),
            services.GetRequiredService<ReplicaReads>());
        return new InterceptedUserRepository(db, users);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
