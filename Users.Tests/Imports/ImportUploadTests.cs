using System.Net;
using System.Text;
using Users.Domain.Imports;
using Users.Tests.Support;

namespace Users.Tests.Imports;

/// <summary>
/// Sending a file: a CSV with the right header is stored and answered 202 with its address; anything else is a problem
/// naming what is wrong, and leaves nothing behind.
/// </summary>
public sealed class ImportUploadTests : DatabaseTest
{
    private const string File = "email,fullName\nada@example.com,Ada Lovelace\ngrace@example.com,Grace Hopper\n";

    [Test]
    public async Task Import_is_202_with_its_location_and_the_queued_import()
    {
        using var response = await Client.PostCsvAsync(File);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var import = await response.ReadAsync<Application.Imports.ImportReport>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo($"{ImportCalls.Path}/{import.Id}"));
            Assert.That(import.Id.Version, Is.EqualTo(7));
            Assert.That(import.State, Is.EqualTo(ImportState.Queued));
            Assert.That(import.RowsRead, Is.EqualTo(2));
            Assert.That(import.Failures, Is.Empty);
        }
    }

    [Test]
    public async Task Import_takes_text_csv_with_a_utf8_charset()
    {
        using var response = await Client.PostCsvAsync(File, "text/csv; charset=utf-8");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    [TestCase("text/plain")]
    [TestCase("application/json")]
    public async Task Body_that_is_not_csv_is_415_naming_text_csv(string contentType)
    {
        using var response = await Client.PostCsvAsync(File, contentType);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem.Detail, Is.EqualTo("Send the body as text/csv."));
        Assert.That(await ImportRows.CountAsync(), Is.Zero);
    }

    [TestCase("email\nada@example.com\n", "'fullName' is missing")]
    [TestCase("fullName,isActive\nAda,true\n", "'email' is missing")]
    [TestCase("email,fullName,age\nada@example.com,Ada,36\n", "'age' is not a column")]
    [TestCase("email,fullName,Email\nada@example.com,Ada,a@b.co\n", "'email' is named 2 times")]
    [TestCase("email;fullName\nada@example.com;Ada\n", "'email;fullName' is not a column")]
    public async Task Header_without_the_columns_an_import_takes_is_400_naming_them(string csv, string named)
    {
        using var response = await Client.PostCsvAsync(csv);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "header");
        Assert.That(problem.Errors!["header"].Single(), Does.Contain(named));
        Assert.That(await ImportRows.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Header_naming_several_wrong_columns_names_each()
    {
        using var response = await Client.PostCsvAsync("mail,name\nada@example.com,Ada\n");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "header");
        Assert.That(problem.Errors!["header"].Single(), Does.Contain("'email' is missing").And.Contain("'fullName' is missing")
            .And.Contain("'mail' is not a column").And.Contain("'name' is not a column"));
    }

    [Test]
    public async Task Empty_body_is_400_asking_for_the_header()
    {
        using var response = await Client.PostCsvAsync(string.Empty);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "header");
        Assert.That(problem.Errors!["header"].Single(), Does.Contain("email").And.Contain("fullName"));
    }

    [Test]
    public async Task Unclosed_quote_is_400_naming_the_row_and_stores_nothing()
    {
        using var response = await Client.PostCsvAsync("email,fullName\nada@example.com,Ada\ngrace@example.com,\"Grace\n");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.That(problem.Errors!["body"].Single(), Does.StartWith("Row 3 "));
        Assert.That(await ImportRows.CountAsync(), Is.Zero);
    }

    [TestCase("email,fullName\nada@example.com,Ada\nbob@example.com,Bo\0b\n")]
    [TestCase("email,fullName\nada@example.com,Ada\nbob\0@example.com,Bob\n")]
    [TestCase("email,fullName\nada@example.com,Ada\nbob@example.com,\"B\0b\"\n")]
    public async Task A_NUL_inside_a_field_is_400_naming_the_row_and_stores_nothing(string csv)
    {
        using var response = await Client.PostCsvAsync(csv);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.That(problem.Errors!["body"].Single(), Is.EqualTo("Row 3 holds a NUL character; rows hold text only."));
        Assert.That(await ImportRows.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Body_that_is_not_utf8_is_400_and_stores_nothing()
    {
        byte[] latin1Row = [.. Encoding.UTF8.GetBytes("email,fullName\nada@example.com,Ada\nbob@example.com,Andr"), 0xE9, (byte)'\n'];

        using var response = await Client.PostCsvAsync(latin1Row);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.That(problem.Errors!["body"].Single(), Does.Contain("UTF-8"));
        Assert.That(await ImportRows.CountAsync(), Is.Zero);
    }
}
