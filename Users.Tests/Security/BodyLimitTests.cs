using System.Net;
using System.Net.Http.Headers;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>Bodies over 1 MiB are refused with a 413 problem that names the limit, whether or not their length is declared.</summary>
public sealed class BodyLimitTests : DatabaseTest
{
    private const int OneMiB = 1024 * 1024;

    [Test]
    public async Task Body_over_1_MiB_with_Content_Length_is_413_naming_the_limit()
    {
        using var body = new ByteArrayContent(JsonOfSize(OneMiB + 1));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Client.PostAsync(UsersClient.Path, body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.Detail, Does.Contain("1 MiB"));
    }

    [Test]
    public async Task Chunked_body_over_1_MiB_is_413_naming_the_limit()
    {
        // The in-memory test server buffers a body and sends its length; Kestrel receives it chunked, as from a client.
        await using var kestrel = new UsersApiFactory(TestDatabase.ConnectionString);
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        using var admin = kestrel.AsAdmin();
        using var body = new UnsizedContent(OneMiB + (64 * 1024));

        using var response = await admin.PostAsync(UsersClient.Path, body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.Detail, Does.Contain("1 MiB"));
    }

    [Test]
    public async Task Sign_in_body_over_1_MiB_is_413()
    {
        using var body = new ByteArrayContent(JsonOfSize(OneMiB + 1));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Anonymous.PostAsync(AuthCalls.Token, body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Body_of_exactly_1_MiB_is_read()
    {
        using var body = new ByteArrayContent(JsonOfSize(OneMiB));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Client.PostAsync(UsersClient.Path, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    /// <summary>A valid create-user body padded with whitespace to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] JsonOfSize(int size)
    {
        var json = """{"email":"ada@example.com","fullName":"Ada Lovelace"}"""u8;
        var body = new byte[size];
        Array.Fill(body, (byte)' ');
        json[..^1].CopyTo(body);
        body[^1] = (byte)'}';
        return body;
    }
}
