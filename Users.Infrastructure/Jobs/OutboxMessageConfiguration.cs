using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Users.Infrastructure.Jobs;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(message => message.Id).HasName("pk_outbox_messages");
        builder.Property(message => message.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(message => message.Type).HasColumnName("type").HasMaxLength(200);
        builder.Property(message => message.Payload).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(message => message.Queue).HasColumnName("queue").HasMaxLength(100);
        builder.Property(message => message.CreatedAt).HasColumnName("created_at");
        // "00-" + 32 + "-" + 16 + "-" + 2 hex digits.
        builder.Property(message => message.TraceParent).HasColumnName("trace_parent").HasMaxLength(55);
        builder.Property(message => message.TraceState).HasColumnName("trace_state").HasMaxLength(OutboxMessage.MaxTraceStateLength);
        builder.Property(message => message.DispatchedAt).HasColumnName("dispatched_at");
        builder.Property(message => message.JobId).HasColumnName("job_id").HasMaxLength(100);
        builder.Property(message => message.ProcessedAt).HasColumnName("processed_at");

        // The dispatcher's scan: only the few rows not yet dispatched, oldest first, however long the table grows.
        builder.HasIndex(message => message.Id)
            .HasDatabaseName("ix_outbox_messages_undispatched")
            .HasFilter("dispatched_at IS NULL");
    }
}
