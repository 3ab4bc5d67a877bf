namespace Users.Infrastructure.Imports;

/// <summary>
/// A data row of an import's file as it arrived, kept in the database until the import is processed (and some time
/// after, until the clean-up removes the rows of imports finished long enough ago).
/// </summary>
public sealed class StagedImportRow
{
    public Guid ImportId { get; init; }

    public int Row { get; init; }

    public string? Email { get; init; }

    public string? FullName { get; init; }

    public string? IsActive { get; init; }

    public int FieldCount { get; init; }
}
