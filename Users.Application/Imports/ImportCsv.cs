using System.Runtime.CompilerServices;
using System.Text;
using Sylvan.Data.Csv;
using Users.Application.Errors;
using Users.Domain.Imports;

namespace Users.Application.Imports;

/// <summary>
/// A CSV file of users, read as it arrives: RFC 4180 (quoted fields may hold commas, quotes and line breaks), UTF-8
/// with or without a byte-order mark, CRLF or LF line ends. The header row names the columns <c>email</c> and
/// <c>fullName</c>, and may name <c>isActive</c>, in any order and regardless of case. Only one record is held at a
/// time. A file that cannot be read as such is a 400 naming the row at fault.
/// </summary>
public sealed class ImportCsv : IAsyncDisposable
{
    public const string EmailColumn = "email";
    public const string FullNameColumn = "fullName";
    public const string IsActiveColumn = "isActive";

    /// <summary>The error key of a problem with the header row.</summary>
    public const string HeaderField = "header";

    /// <summary>The error key of a problem with the file as a whole.</summary>
    public const string BodyField = "body";

    /// <summary>The longest record read, in characters; no valid row comes near it.</summary>
    public const int MaxRecordLength = 1024 * 1024;

    private const string ExpectedHeader =
        $"The header row must name the columns {EmailColumn} and {FullNameColumn}, and may name {IsActiveColumn}, in any order";

    // A byte-order mark is skipped; bytes that are not UTF-8 are an error, not replacement characters in a name.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    private readonly CsvDataReader _reader;
    private readonly int _email;
    private readonly int _fullName;
    private readonly int _isActive;
    private int _row = UserImport.HeaderRow;

    private ImportCsv(CsvDataReader reader, int email, int fullName, int isActive)
    {
        _reader = reader;
        _email = email;
        _fullName = fullName;
        _isActive = isActive;
    }

    /// <summary>How many columns the header names.</summary>
    public int ColumnCount => _reader.FieldCount;

    /// <summary>Reads the header row and checks it names the columns an import takes.</summary>
    public static async Task<ImportCsv> OpenAsync(Stream body, CancellationToken cancellationToken)
    {
        var text = new StreamReader(body, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        CsvDataReader reader;
        try
        {
            reader = await CsvDataReader.CreateAsync(text, Options, cancellationToken);
        }
        catch (CsvMissingHeadersException)
        {
            text.Dispose();
            throw new InvalidFieldException(HeaderField, $"The body is empty. {ExpectedHeader}.");
        }
        catch (Exception exception) when (Unreadable(exception, UserImport.HeaderRow) is { } unreadable)
        {
            text.Dispose();
            throw unreadable;
        }

        var columns = Enumerable.Range(0, reader.FieldCount).Select(ordinal => reader.GetName(ordinal).Trim()).ToList();
        if (HeaderProblems(columns) is { Count: > 0 } problems)
        {
            await reader.DisposeAsync();
            throw new InvalidFieldException(HeaderField, $"{ExpectedHeader}: {string.Join("; ", problems)}.");
        }

        return new ImportCsv(reader, Ordinal(columns, EmailColumn), Ordinal(columns, FullNameColumn), Ordinal(columns, IsActiveColumn));
    }

    /// <summary>The data rows, in file order; blank lines are left out but keep their numbers.</summary>
    public async IAsyncEnumerable<ImportRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await ReadAsync(cancellationToken))
        {
            _row++;
            if (_reader.RowFieldCount == 1 && _reader.GetFieldSpan(0).IsEmpty)
            {
                continue;
            }

            if (HoldsNul())
            {
                // Rows are kept as they came until the import runs; PostgreSQL cannot store U+0000 in text.
                throw new InvalidFieldException(BodyField, $"Row {_row} holds a NUL character; rows hold text only.");
            }

            yield return new ImportRow(_row, Field(_email), Field(_fullName), Field(_isActive), _reader.RowFieldCount);
        }
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private static CsvDataReaderOptions Options => new()
    {
        HasHeaders = true,
        // Never guessed from the header: a file is comma-separated or it is refused.
        Delimiter = ',',
        // '#' would start a comment and drop the line silently; NUL starts no text a row may hold.
        Comment = '\0',
        CommentHandler = (Action<string>)(_ => throw new FormatException("A row starts with a NUL character.")),
        MaxBufferSize = MaxRecordLength,
        // The reader closes this one's text reader, never the request body.
        OwnsReader = true,
    };

    private async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadAsync(cancellationToken);
        }
        catch (Exception exception) when (Unreadable(exception, _row + 1) is { } unreadable)
        {
            throw unreadable;
        }
    }

    private bool HoldsNul()
    {
        for (var ordinal = 0; ordinal < _reader.RowFieldCount; ordinal++)
        {
            if (_reader.GetFieldSpan(ordinal).Contains('\0'))
            {
                return true;
            }
        }

        return false;
    }

    private string? Field(int ordinal) => ordinal >= 0 && ordinal < _reader.RowFieldCount ? _reader.GetString(ordinal) : null;

    private static InvalidFieldException? Unreadable(Exception exception, int row) => exception switch
    {
        CsvRecordTooLargeException => new InvalidFieldException(BodyField, $"Row {row} is longer than {MaxRecordLength} characters."),
        CsvFormatException => new InvalidFieldException(
            BodyField, $"Row {row} is not valid CSV: a quoted field must end with a quote followed by a comma or the end of the line."),
        // The decoder works ahead of the parser, so the row it stopped at is not known.
        DecoderFallbackException => new InvalidFieldException(BodyField, "The file is not UTF-8 text; send it encoded as UTF-8."),
        FormatException => new InvalidFieldException(BodyField, $"Row {row} starts with a NUL character; rows hold text only."),
        _ => null,
    };

    private static List<string> HeaderProblems(List<string> columns)
    {
        var problems = new List<string>();
        foreach (var required in new[] { EmailColumn, FullNameColumn })
        {
            if (!columns.Contains(required, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"'{required}' is missing");
            }
        }

        string[] known = [EmailColumn, FullNameColumn, IsActiveColumn];
        foreach (var group in columns.GroupBy(column => column, StringComparer.OrdinalIgnoreCase))
        {
            if (!known.Contains(group.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"'{Shorten(group.Key)}' is not a column of an import");
            }
            else if (group.Count() > 1)
            {
                problems.Add($"'{group.Key}' is named {group.Count()} times");
            }
        }

        return problems;
    }

    // A header is the client's text: quoted back, but not at any length.
    private static string Shorten(string name) => name.Length <= 40 ? name : $"{name[..40]}...";

    private static int Ordinal(List<string> columns, string name) => columns.FindIndex(column => column.Equals(name, StringComparison.OrdinalIgnoreCase));
}
