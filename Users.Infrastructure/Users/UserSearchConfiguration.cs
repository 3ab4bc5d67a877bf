using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Users.Domain.Users;

namespace Users.Infrastructure.Users;

/// <summary>
/// The indexes the user list needs at millions of rows (<see cref="UserRepository.ListAsync"/>); the plans behind them
/// are in the README's benchmarks.
/// </summary>
public sealed class UserSearchConfiguration : IEntityTypeConfiguration<User>
{
    public const string TrigramExtension = "pg_trgm";

    public void Configure(EntityTypeBuilder<User> builder)
    {
        // search is "email ILIKE '%term%' OR full_name ILIKE '%term%'" on the raw columns, so the trigram indexes are on
        // those columns: each arm becomes a bitmap scan of its index instead of a scan of the table.
        builder.HasIndex(user => user.Email)
            .HasDatabaseName("ix_users_email_trgm")
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops");
        builder.HasIndex(user => user.FullName)
            .HasDatabaseName("ix_users_full_name_trgm")
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops");

        // isActive pages walk this index in key order, so a page of the rarer flag does not walk past every user
        // with the other one.
        builder.HasIndex(user => new { user.IsActive, user.Id }).HasDatabaseName("ix_users_is_active_id");
    }
}
