using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Users.Domain.Imports;

namespace Users.Infrastructure.Imports;

public sealed class ImportFailureConfiguration : IEntityTypeConfiguration<ImportFailure>
{
    public const int FieldMaxLength = 32;

    public void Configure(EntityTypeBuilder<ImportFailure> builder)
    {
        builder.ToTable("user_import_failures");

        // One failure per field of a row, listed by row.
        builder.HasKey(failure => new { failure.ImportId, failure.Row, failure.Field }).HasName("pk_user_import_failures");
        builder.Property(failure => failure.ImportId).HasColumnName("import_id");
        builder.Property(failure => failure.Row).HasColumnName("row_number");
        builder.Property(failure => failure.Field).HasColumnName("field").HasMaxLength(FieldMaxLength);
        builder.Property(failure => failure.Reason).HasColumnName("reason");

        // A report goes with its import.
        builder.HasOne<UserImport>().WithMany().HasForeignKey(failure => failure.ImportId)
            .HasConstraintName("fk_user_import_failures_user_imports_import_id")
            .OnDelete(DeleteBehavior.Cascade);
    }
}
