using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Users.Application.Idempotency;

namespace Users.Infrastructure.Idempotency;

public sealed class IdempotencyEntryConfiguration : IEntityTypeConfiguration<IdempotencyEntry>
{
    public void Configure(EntityTypeBuilder<IdempotencyEntry> builder)
    {
        builder.ToTable("idempotency_keys");

        // Keys are unique per caller: the primary key is also the lookup of a retry.
        builder.HasKey(entry => new { entry.Scope, entry.Key }).HasName("pk_idempotency_keys");
        builder.Property(entry => entry.Scope).HasColumnName("scope").HasMaxLength(IdempotencyKey.ScopeMaxLength);
        builder.Property(entry => entry.Key).HasColumnName("key").HasMaxLength(IdempotencyKey.MaxLength);
        builder.Property(entry => entry.Fingerprint).HasColumnName("fingerprint");
        builder.Property(entry => entry.StatusCode).HasColumnName("status_code");
        builder.Property(entry => entry.ContentType).HasColumnName("content_type").HasMaxLength(200);
        builder.Property(entry => entry.Headers).HasColumnName("headers").HasColumnType("jsonb");
        builder.Property(entry => entry.Body).HasColumnName("body");
        builder.Property(entry => entry.CreatedAt).HasColumnName("created_at");
        builder.Property(entry => entry.ExpiresAt).HasColumnName("expires_at");

        // The clean-up deletes expired keys by this column.
        builder.HasIndex(entry => entry.ExpiresAt).HasDatabaseName("ix_idempotency_keys_expires_at");
    }
}
