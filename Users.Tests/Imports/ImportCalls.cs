using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Users.Application.Imports;
using Users.Tests.Support;

namespace Users.Tests.Imports;

/// <summary>Shorthand for the calls tests make of the imports API, and for running an import's processing.</summary>
public static class ImportCalls
{
    public const string Path = "/api/v1/users/imports";
    public const string Csv = "text/csv";

    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string csv, string contentType = Csv) =>
        client.PostCsvAsync(Encoding.UTF8.GetBytes(csv), contentType);

    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, byte[] csv, string contentType = Csv)
    {
        var body = new ByteArrayContent(csv);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(Path, body);
    }

    /// <summary>Sends a file and fails the test unless it is taken (202).</summary>
    public static async Task<ImportReport> StartImportAsync(this HttpClient client, string csv)
    {
        using var response = await client.PostCsvAsync(csv);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ImportReport>();
    }

    /// <summary>Reads an import's report and fails the test unless that succeeds.</summary>
    public static async Task<ImportReport> GetImportAsync(this HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"{Path}/{id}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ImportReport>();
    }

    /// <summary>Runs the processing of an import in a scope of its own, where the background job will.</summary>
    public static async Task ProcessImportAsync(this WebApplicationFactory<Program> app, Guid id, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportProcessor>().ProcessAsync(id, cancellationToken);
    }

    /// <summary>The stored users as (email, full name, active).</summary>
    public static async Task<List<(string Email, string FullName, bool IsActive)>> StoredUsersAsync()
    {
        await using var db = TestDatabase.CreateContext(TestDatabase.ConnectionString);
        var users = await db.Users.Select(user => new { user.Email, user.FullName, user.IsActive }).ToListAsync();
        return [.. users.Select(user => (user.Email, user.FullName, user.IsActive))];
    }
}
