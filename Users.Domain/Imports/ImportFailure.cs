namespace Users.Domain.Imports;

/// <summary>Why one field of one row of an import was not taken.</summary>
public sealed class ImportFailure
{
    public ImportFailure(Guid importId, int row, string field, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ImportId = importId;
        Row = row;
        Field = field;
        Reason = reason;
    }

    public Guid ImportId { get; private set; }

    /// <summary>The row's number in the file, the header being row 1, as a spreadsheet numbers it.</summary>
    public int Row { get; private set; }

    /// <summary>The column as the header names it (<c>email</c>), or <c>row</c> for the row as a whole.</summary>
    public string Field { get; private set; }

    public string Reason { get; private set; }
}
