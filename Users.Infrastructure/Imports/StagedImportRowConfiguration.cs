using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Users.Infrastructure.Imports;

public sealed class StagedImportRowConfiguration : IEntityTypeConfiguration<StagedImportRow>
{
    public const string Table = "user_import_rows";

    public void Configure(EntityTypeBuilder<StagedImportRow> builder)
    {
        builder.ToTable(Table);

        // The key is also the order batches read in. No foreign key to the import: it would check every row of a
        // million-row COPY, and rows are only ever written with their import in one transaction.
        builder.HasKey(row => new { row.ImportId, row.Row }).HasName("pk_user_import_rows");
        builder.Property(row => row.ImportId).HasColumnName("import_id");
        builder.Property(row => row.Row).HasColumnName("row_number");

        // The fields as sent, unchecked and unbounded: the rules are applied when the rows are processed.
        builder.Property(row => row.Email).HasColumnName("email");
        builder.Property(row => row.FullName).HasColumnName("full_name");
        builder.Property(row => row.IsActive).HasColumnName("is_active");
        builder.Property(row => row.FieldCount).HasColumnName("field_count");
    }
}
