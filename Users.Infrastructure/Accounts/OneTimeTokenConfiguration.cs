using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Users.Domain.Accounts;
using Users.Domain.Users;

namespace Users.Infrastructure.Accounts;

public sealed class OneTimeTokenConfiguration : IEntityTypeConfiguration<OneTimeToken>
{
    private const string VerifyEmail = "verify_email";
    private const string ResetPassword = "reset_password";

    /// <summary>The word a purpose is stored as, for queries written in SQL.</summary>
    public static string Stored(OneTimeTokenPurpose purpose) => purpose == OneTimeTokenPurpose.VerifyEmail ? VerifyEmail : ResetPassword;

    public void Configure(EntityTypeBuilder<OneTimeToken> builder)
    {
        builder.ToTable("one_time_tokens", table =>
            table.HasCheckConstraint("ck_one_time_tokens_purpose", $"purpose IN ('{VerifyEmail}', '{ResetPassword}')"));
        builder.HasKey(token => token.Id).HasName("pk_one_time_tokens");
        builder.Property(token => token.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(token => token.UserId).HasColumnName("user_id");
        builder.Property(token => token.Purpose).HasColumnName("purpose").HasMaxLength(20)
            .HasConversion(purpose => Stored(purpose), stored => stored == VerifyEmail ? OneTimeTokenPurpose.VerifyEmail : OneTimeTokenPurpose.ResetPassword);
        builder.Property(token => token.Email).HasColumnName("email").HasMaxLength(User.EmailMaxLength);
        builder.Property(token => token.TokenHash).HasColumnName("token_hash");
        builder.Property(token => token.CreatedAt).HasColumnName("created_at");
        builder.Property(token => token.ExpiresAt).HasColumnName("expires_at");
        builder.Property(token => token.UsedAt).HasColumnName("used_at");

        builder.HasIndex(token => token.TokenHash).IsUnique().HasDatabaseName("ux_one_time_tokens_token_hash");
        builder.HasIndex(token => token.UserId).HasDatabaseName("ix_one_time_tokens_user_id");

        // The clean-up job removes expired tokens by this column.
        builder.HasIndex(token => token.ExpiresAt).HasDatabaseName("ix_one_time_tokens_expires_at");

        builder.HasOne<User>().WithMany().HasForeignKey(token => token.UserId)
            .HasConstraintName("fk_one_time_tokens_users_user_id")
            .OnDelete(DeleteBehavior.Cascade);
    }
}
