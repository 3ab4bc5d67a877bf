using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Users.Infrastructure.Idempotency;
using Users.Tests.Accounts;
using Users.Tests.Imports;
using Users.Tests.Support;

namespace Users.Tests.Idempotency;

/// <summary>Requests with an <c>Idempotency-Key</c>, and what the database holds after them.</summary>
public static class IdempotencyCalls
{
    public const string Header = "Idempotency-Key";
    public const string Replayed = "Idempotent-Replayed";

    /// <summary>A fresh key, as a client would make one.</summary>
    public static string NewKey() => Guid.NewGuid().ToString();

    public static Task<HttpResponseMessage> PostUserAsync(this HttpClient client, string key, object body, CancellationToken cancellationToken = default) =>
        client.PostWithKeyAsync(UsersClient.Path, key, JsonContent.Create(body, options: UsersClient.Json), cancellationToken);

    public static Task<HttpResponseMessage> PostSignUpAsync(this HttpClient client, string key, object body, CancellationToken cancellationToken = default) =>
        client.PostWithKeyAsync(AuthClient.SignUpPath, key, JsonContent.Create(body, options: UsersClient.Json), cancellationToken);

    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string key, string csv)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ImportCalls.Csv);
        return client.PostWithKeyAsync(ImportCalls.Path, key, content);
    }

    /// <summary>Posts with the header exactly as given: any text, or several values.</summary>
    public static async Task<HttpResponseMessage> PostWithKeyAsync(
        this HttpClient client, string path, IEnumerable<string> keys, HttpContent content, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation(Header, keys);
        return await client.SendAsync(request, cancellationToken);
    }

    public static Task<HttpResponseMessage> PostWithKeyAsync(
        this HttpClient client, string path, string key, HttpContent content, CancellationToken cancellationToken = default) =>
        client.PostWithKeyAsync(path, [key], content, cancellationToken);

    public static async Task<List<string>> StoredEmailsAsync(string database)
    {
        await using var db = TestDatabase.CreateContext(database);
        return await db.Users.Select(user => user.Email).ToListAsync();
    }

    public static Task<List<string>> StoredEmailsAsync() => StoredEmailsAsync(TestDatabase.ConnectionString);

    public static async Task<List<IdempotencyEntry>> KeptAsync(string database)
    {
        await using var db = TestDatabase.CreateContext(database);
        return await db.Set<IdempotencyEntry>().ToListAsync();
    }

    public static Task<List<IdempotencyEntry>> KeptAsync() => KeptAsync(TestDatabase.ConnectionString);
}
