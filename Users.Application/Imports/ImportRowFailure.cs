namespace Users.Application.Imports;

/// <summary>Why a row of the file did not become a user.</summary>
public sealed class ImportRowFailure
{
    /// <summary>The row's number in the file, the header being row 1 (as a spreadsheet numbers it).</summary>
    public required int Row { get; init; }

    /// <summary>The column at fault as the header names it (<c>email</c>, <c>fullName</c>, <c>isActive</c>), or <c>row</c> for the row as a whole.</summary>
    public required string Field { get; init; }

    /// <summary>What is wrong with it, in the words the create-user request uses.</summary>
    public required string Reason { get; init; }
}
