using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Users.Domain.Users;

namespace Users.Infrastructure.Users;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public const string NormalizedEmail = "NormalizedEmail";
    public const string UniqueEmailIndex = "ux_users_normalized_email";
    public const string AdminRole = "admin";
    public const string UserRoleValue = "user";

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(user => user.Id).HasName("pk_users");
        builder.Property(user => user.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(user => user.Email).HasColumnName("email").HasMaxLength(User.EmailMaxLength);
        builder.Property(user => user.FullName).HasColumnName("full_name").HasMaxLength(User.FullNameMaxLength);

        // The app always writes is_active; the default serves rows written by hand or by later migrations.
        builder.Property(user => user.IsActive).HasColumnName("is_active").HasDefaultValue(true).ValueGeneratedNever();

        // Rows written in bulk (imports) or before verification existed are unverified.
        builder.Property(user => user.EmailVerified).HasColumnName("email_verified").HasDefaultValue(false).ValueGeneratedNever();
        // Roles are stored as the words clients see, so the table reads plainly and a new role needs no renumbering.
        builder.Property(user => user.Role)
            .HasColumnName("role")
            .HasMaxLength(16)
            .HasConversion(role => role == UserRole.Admin ? AdminRole : UserRoleValue, stored => stored == AdminRole ? UserRole.Admin : UserRole.User)
            .HasDefaultValue(UserRole.User)
            .ValueGeneratedNever();
        builder.ToTable(table => table.HasCheckConstraint("ck_users_role", $"role IN ('{UserRoleValue}', '{AdminRole}')"));
        builder.Property(user => user.PasswordHash).HasColumnName("password_hash");

        // The last-admin rule locks the admins; with a million users that must not be a scan of all of them.
        builder.HasIndex(user => user.Role).HasDatabaseName("ix_users_admins").HasFilter($"role = '{AdminRole}'");
        builder.Property(user => user.CreatedAt).HasColumnName("created_at");
        builder.Property(user => user.UpdatedAt).HasColumnName("updated_at");

        // PostgreSQL's xmin changes on every write: a concurrency token that costs no column.
        builder.Property(user => user.Version).IsRowVersion();

        // Uniqueness regardless of case is the database's to enforce, so two racing writes cannot both win.
        // Unbounded text: lower() may lengthen some characters, and that must not fail a valid email.
        builder.Property<string>(NormalizedEmail)
            .HasColumnName("normalized_email")
            .IsRequired()
            .HasComputedColumnSql("lower(email)", stored: true);
        builder.HasIndex(NormalizedEmail).IsUnique().HasDatabaseName(UniqueEmailIndex);
    }
}
