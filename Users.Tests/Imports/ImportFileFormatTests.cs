using Users.Tests.Support;

namespace Users.Tests.Imports;

/// <summary>
/// Files as spreadsheets and scripts write them: quoted fields holding commas, quotes and line breaks, a UTF-8
/// byte-order mark, CRLF line ends, columns in any order and case, blank lines, rows with too few or too many fields.
/// </summary>
public sealed class ImportFileFormatTests : DatabaseTest
{
    [Test]
    public async Task Quoted_fields_a_byte_order_mark_and_crlf_are_read_as_a_spreadsheet_writes_them()
    {
        var csv = "\uFEFFemail,fullName,isActive\r\n" +
            "ada@example.com,\"Lovelace, Ada \"\"the Countess\"\"\",true\r\n" +
            "\"grace@example.com\",\"Grace Hopper\",\"false\"\r\n" +
            "\"alan@example.com\",Alan Turing,\r\n";

        await ImportAsync(csv);

        Assert.That(await ImportCalls.StoredUsersAsync(), Is.EquivalentTo(new[]
        {
            ("ada@example.com", "Lovelace, Ada \"the Countess\"", true),
            ("grace@example.com", "Grace Hopper", false),
            ("alan@example.com", "Alan Turing", true),
        }));
    }

    [Test]
    public async Task Line_break_inside_quotes_is_part_of_the_field_and_later_rows_keep_their_numbers()
    {
        var csv = "email,fullName\r\nada@example.com,\"Ada\r\nLovelace\"\r\ngrace@example.com,Grace Hopper\r\nnot-an-email,Nobody\r\n";

        var report = await ImportAsync(csv);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((report.RowsRead, report.Created, report.Failed), Is.EqualTo((3, 1, 2)));
            // The name holds a line break, a control character the create-user rules refuse; row 4 is the bad email.
            Assert.That(report.Failures.Select(failure => (failure.Row, failure.Field)), Is.EqualTo(new[] { (2, "fullName"), (4, "email") }));
            Assert.That((await ImportCalls.StoredUsersAsync()).Single().Email, Is.EqualTo("grace@example.com"));
        }
    }

    [Test]
    public async Task Columns_may_come_in_any_order_and_case_and_isActive_may_be_left_out()
    {
        var report = await ImportAsync("FullName , EMAIL\nAda Lovelace,ada@example.com\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Created, Is.EqualTo(1));
            Assert.That(await ImportCalls.StoredUsersAsync(), Is.EqualTo(new[] { ("ada@example.com", "Ada Lovelace", true) }));
        }
    }

    [Test]
    public async Task Blank_lines_are_not_rows_but_keep_the_numbering_of_the_file()
    {
        var report = await ImportAsync("email,fullName\n\nada@example.com,Ada Lovelace\n\n\nnot-an-email,Nobody\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((report.RowsRead, report.Created, report.Failed), Is.EqualTo((2, 1, 1)));
            Assert.That(report.Failures.Single().Row, Is.EqualTo(6));
        }
    }

    [Test]
    public async Task Row_with_more_fields_than_the_header_fails_as_a_row()
    {
        var report = await ImportAsync("email,fullName\nada@example.com,Ada,Lovelace\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Failed, Is.EqualTo(1));
            Assert.That(report.Failures.Single().Field, Is.EqualTo("row"));
            Assert.That(report.Failures.Single().Reason, Does.Contain("3 fields"));
        }
    }

    [Test]
    public async Task Row_with_fewer_fields_than_the_header_fails_on_the_missing_field()
    {
        var report = await ImportAsync("email,fullName\nada@example.com\n");

        Assert.That(report.Failures.Select(failure => (failure.Row, failure.Field)), Is.EqualTo(new[] { (2, "fullName") }));
    }

    [Test]
    public async Task Line_starting_with_a_hash_is_a_row_not_a_comment()
    {
        var report = await ImportAsync("email,fullName\n#hash@example.com,Hash Tag\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Created, Is.EqualTo(1));
            Assert.That(await ImportCalls.StoredUsersAsync(), Is.EqualTo(new[] { ("#hash@example.com", "Hash Tag", true) }));
        }
    }

    [Test]
    public async Task Non_ascii_names_and_addresses_survive_unchanged()
    {
        await ImportAsync("email,fullName\nzoë@bücher.example,Zoë Ångström 李\n");

        Assert.That(await ImportCalls.StoredUsersAsync(), Is.EqualTo(new[] { ("zoë@bücher.example", "Zoë Ångström 李", true) }));
    }

    private async Task<Application.Imports.ImportReport> ImportAsync(string csv)
    {
        var import = await Client.StartImportAsync(csv);
        await App.ProcessImportAsync(import.Id);
        return await Client.GetImportAsync(import.Id);
    }
}
