using System.Text.Json;
using FluentValidation;
using Users.Application.Users;
using Users.Domain.Imports;
using Users.Domain.Users;

namespace Users.Application.Imports;

/// <summary>
/// A batch of an import's rows checked by the rules of the create-user request: the users to write and why the
/// other rows were refused (one failure per field at fault).
/// </summary>
internal sealed class ImportBatch
{
    private const string RowField = "row";

    private ImportBatch(List<User> users, List<ImportFailure> failures, int failedRows)
    {
        Users = users;
        Failures = failures;
        FailedRows = failedRows;
    }

    /// <summary>The valid rows as new users, in file order, ordinary and without a password.</summary>
    public IReadOnlyList<User> Users { get; }

    public IReadOnlyList<ImportFailure> Failures { get; }

    public int FailedRows { get; }

    public static ImportBatch Check(
        UserImport import, IReadOnlyList<ImportRow> rows, IValidator<CreateUserRequest> validator, DateTimeOffset now)
    {
        var users = new List<User>(rows.Count);
        var failures = new List<ImportFailure>();
        var failedRows = 0;
        foreach (var row in rows)
        {
            var rowFailures = Check(import, row, validator, out var request);
            if (rowFailures.Count == 0)
            {
                users.Add(User.Create(request.Email!, request.FullName!, request.IsActive ?? true, UserRole.User, now));
            }
            else
            {
                failedRows++;
                failures.AddRange(rowFailures);
            }
        }

        return new ImportBatch(users, failures, failedRows);
    }

    private static List<ImportFailure> Check(UserImport import, ImportRow row, IValidator<CreateUserRequest> validator, out CreateUserRequest request)
    {
        var failures = new List<ImportFailure>();
        if (row.FieldCount > import.ColumnCount)
        {
            failures.Add(new ImportFailure(import.Id, row.Row, RowField, $"The row has {row.FieldCount} fields; the header names {import.ColumnCount} columns."));
        }

        var isActive = ParseIsActive(row.IsActive, out var isActiveValid);
        if (!isActiveValid)
        {
            failures.Add(new ImportFailure(import.Id, row.Row, ImportCsv.IsActiveColumn, $"'{ImportCsv.IsActiveColumn}' must be true or false."));
        }

        request = new CreateUserRequest { Email = row.Email, FullName = row.FullName, IsActive = isActive };
        foreach (var error in validator.Validate(request).Errors)
        {
            // The validators stop at a field's first error, so there is one per field.
            failures.Add(new ImportFailure(import.Id, row.Row, JsonNamingPolicy.CamelCase.ConvertName(error.PropertyName), error.ErrorMessage));
        }

        return failures;
    }

    /// <summary>True or false in any case; an empty field means the default, active.</summary>
    private static bool? ParseIsActive(string? text, out bool valid)
    {
        valid = true;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        if (bool.TryParse(trimmed, out var value))
        {
            return value;
        }

        valid = false;
        return null;
    }
}
