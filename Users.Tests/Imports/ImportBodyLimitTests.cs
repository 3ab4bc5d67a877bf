using System.Net;
using System.Net.Http.Headers;
using Users.Tests.Support;

namespace Users.Tests.Imports;

/// <summary>
/// An import's body may be up to 100 MiB, far over the API's usual 1 MiB; over it is a 413 problem naming the limit,
/// whether the length is declared or only found while the streamed body is stored, and nothing of it is kept.
/// </summary>
public sealed class ImportBodyLimitTests : DatabaseTest
{
    private const long Limit = 100L * 1024 * 1024;

    [Test]
    public async Task Declared_length_over_100_MiB_is_413_before_the_body_is_sent()
    {
        await using var kestrel = StartKestrel();
        using var admin = kestrel.AsAdmin();
        using var request = new HttpRequestMessage(HttpMethod.Post, ImportCalls.Path) { Content = new CsvContent(Limit + 1, declareLength: true) };
        request.Headers.ExpectContinue = true;

        using var response = await admin.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.Detail, Does.Contain("100 MiB"));
    }

    [Test]
    public async Task Streamed_body_over_100_MiB_is_413_and_leaves_nothing_stored()
    {
        await using var kestrel = StartKestrel();
        using var admin = UnbufferedAdmin(kestrel);
        using var body = new CsvContent(Limit + (64 * 1024), declareLength: false);

        using var response = await admin.PostAsync(ImportCalls.Path, body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.Detail, Does.Contain("100 MiB"));
        Assert.That(await ImportRows.CountAsync(), Is.Zero);
    }

    // The in-memory test server buffers a body and sends its length; Kestrel receives it as a client sends it.
    private static UsersApiFactory StartKestrel()
    {
        var kestrel = new UsersApiFactory(TestDatabase.ConnectionString);
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        return kestrel;
    }

    /// <summary>
    /// An admin's client straight to the server: the factory's own clients buffer a body to replay it on a redirect,
    /// and then send its length.
    /// </summary>
    private static HttpClient UnbufferedAdmin(UsersApiFactory kestrel)
    {
        using var admin = kestrel.AsAdmin();
        var client = new HttpClient { BaseAddress = admin.BaseAddress };
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>
    /// A valid import of the given size, made as it is sent: a header, then rows of about half a MiB (long names, so the
    /// server stores few rows on the way to the limit).
    /// </summary>
    private sealed class CsvContent : HttpContent
    {
        private const int NameLength = 512 * 1024;

        private readonly long _size;
        private readonly bool _declareLength;

        public CsvContent(long size, bool declareLength)
        {
            _size = size;
            _declareLength = declareLength;
            Headers.ContentType = new MediaTypeHeaderValue(ImportCalls.Csv);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var header = "email,fullName\n"u8.ToArray();
            await stream.WriteAsync(header);
            long sent = header.Length;
            for (var row = 0; sent < _size; row++)
            {
                var line = System.Text.Encoding.ASCII.GetBytes($"user{row}@example.com,{new string('n', NameLength)}\n");
                var length = (int)Math.Min(line.Length, _size - sent);
                await stream.WriteAsync(line.AsMemory(0, length));
                sent += length;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _size;
            return _declareLength;
        }
    }
}
