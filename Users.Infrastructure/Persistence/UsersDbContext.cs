using Microsoft.EntityFrameworkCore;
using Users.Domain.Accounts;
using Users.Domain.Users;
using Users.Infrastructure.Jobs;
using Users.Infrastructure.Users;

namespace Users.Infrastructure.Persistence;

public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Trigram indexes for the user search (UserSearchConfiguration); a trusted extension since PostgreSQL 13.
        modelBuilder.HasPostgresExtension(UserSearchConfiguration.TrigramExtension);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(UsersDbContext).Assembly);
    }
}
