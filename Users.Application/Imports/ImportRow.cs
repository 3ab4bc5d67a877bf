namespace Users.Application.Imports;

/// <summary>
/// One data row of an import's file as read: its fields as text, unchecked, null where the row has no such field.
/// </summary>
/// <param name="Row">The row's number in the file, the header being row 1.</param>
/// <param name="Email">The <c>email</c> field.</param>
/// <param name="FullName">The <c>fullName</c> field.</param>
/// <param name="IsActive">The <c>isActive</c> field, null also when the header does not name that column.</param>
/// <param name="FieldCount">How many fields the row has; more than the header names is an error of the row.</param>
public sealed record ImportRow(int Row, string? Email, string? FullName, string? IsActive, int FieldCount);
