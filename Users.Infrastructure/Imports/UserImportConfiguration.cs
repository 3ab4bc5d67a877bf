using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Users.Domain.Imports;

namespace Users.Infrastructure.Imports;

public sealed class UserImportConfiguration : IEntityTypeConfiguration<UserImport>
{
    public void Configure(EntityTypeBuilder<UserImport> builder)
    {
        builder.ToTable("user_imports");
        builder.HasKey(import => import.Id).HasName("pk_user_imports");
        builder.Property(import => import.Id).HasColumnName("id").ValueGeneratedNever();

        // No foreign key: an import's record outlives the admin who sent it.
        builder.Property(import => import.CreatedBy).HasColumnName("created_by");
        builder.Property(import => import.ColumnCount).HasColumnName("column_count");

        // Stored as the words clients see, like roles.
        builder.Property(import => import.State)
            .HasColumnName("state")
            .HasMaxLength(16)
            .HasConversion(
                state => state.ToString().ToLowerInvariant(),
                stored => Enum.Parse<ImportState>(stored, ignoreCase: true));
        builder.ToTable(table => table.HasCheckConstraint("ck_user_imports_state", "state IN ('queued', 'running', 'succeeded', 'failed')"));
        builder.Property(import => import.RowsRead).HasColumnName("rows_read");
        builder.Property(import => import.LastRow).HasColumnName("last_row");
        builder.Property(import => import.Created).HasColumnName("rows_created");
        builder.Property(import => import.Skipped).HasColumnName("rows_skipped");
        builder.Property(import => import.Failed).HasColumnName("rows_failed");
        builder.Property(import => import.CreatedAt).HasColumnName("created_at");
        builder.Property(import => import.StartedAt).HasColumnName("started_at");

        // The clean-up removes the stored rows of imports finished longer ago than the retention period.
        builder.Property(import => import.FinishedAt).HasColumnName("finished_at");
        builder.Ignore(import => import.IsFinished);
        builder.Ignore(import => import.RowsProcessed);
    }
}
