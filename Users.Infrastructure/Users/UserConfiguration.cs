using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Users.Domain.Users;

namespace Users.Infrastructure.Users;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public const string NormalizedEmail = "NormalizedEmail";
    public const string UniqueEmailIndex = "ux_users_normalized_email";

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(user => user.Id).HasName("pk_users");
        builder.Property(user => user.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(user => user.Email).HasColumnName("email").HasMaxLength(User.EmailMaxLength);
        builder.Property(user => user.FullName).HasColumnName("full_name").HasMaxLength(User.FullNameMaxLength);

        // The app always writes is_active; the default serves rows written by hand or by later migrations.
        builder.Property(user => user.IsActive).HasColumnName("is_active").HasDefaultValue(true).ValueGeneratedNever();
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
