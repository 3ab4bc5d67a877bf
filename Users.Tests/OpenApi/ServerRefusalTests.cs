using System.Net;
using Users.Tests.Support;

namespace Users.Tests.OpenApi;

/// <summary>
/// The 414, 431 and malformed-request 400 the operations document are what Kestrel answers, before any endpoint runs: on real sockets (the
/// in-memory test server has no such limits), including on the operations that have no other 4xx. Header values beyond
/// ASCII are not among Kestrel's refusals: they reach the API.
/// </summary>
[NonParallelizable]
public sealed class ServerRefusalTests
{
    private const string Jwks = "/.well-known/jwks.json";
    private const string JobsSession = "/api/v1/auth/jobs-session";

    private UsersApiFactory _kestrel = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartKestrel()
    {
        _kestrel = new UsersApiFactory(TestDatabase.ConnectionString);
        _kestrel.UseKestrel(0);
        _kestrel.StartServer();
        _client = _kestrel.Anonymous();
    }

    [OneTimeTearDown]
    public async Task StopKestrelAsync()
    {
        _client.Dispose();
        await _kestrel.DisposeAsync();
    }

    [TestCase("GET", Jwks)]
    [TestCase("DELETE", JobsSession)]
    [TestCase("POST", "/api/v1/auth/token")]
    public async Task Headers_over_32_KB_are_431_with_no_body(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-Padding", new string('a', 33 * 1024));

        await AssertRefusedWithNoBodyAsync(request, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [TestCase("GET", Jwks)]
    [TestCase("DELETE", JobsSession)]
    [TestCase("GET", "/api/v1/users")]
    public async Task A_request_line_over_8_KB_is_414_with_no_body(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{path}?padding={new string('a', 8 * 1024)}");

        await AssertRefusedWithNoBodyAsync(request, HttpStatusCode.RequestUriTooLong);
    }

    [Test]
    public async Task A_header_value_beyond_ASCII_reaches_the_API_which_names_the_header_it_refuses()
    {
        using var latin1 = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.Latin1 })
        {
            BaseAddress = _client.BaseAddress,
        };
        using var signUp = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/signup")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = "ada@example.com", fullName = "Ada", password = UsersApiFactory.Password }),
        };
        signUp.Headers.TryAddWithoutValidation("Idempotency-Key", "clé");
        using var jwks = new HttpRequestMessage(HttpMethod.Get, Jwks);
        jwks.Headers.TryAddWithoutValidation("X-Note", "café");

        using var refused = await latin1.SendAsync(signUp);
        using var ignored = await latin1.SendAsync(jwks);

        using (Assert.EnterMultipleScope())
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, "Idempotency-Key");
            Assert.That(ignored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [TestCase("GET", "/api/v1/users/%00")]
    [TestCase("DELETE", "/api/v1/users/%00")]
    [TestCase("GET", "/.well-known/jwks.json%00")]
    public async Task An_encoded_NUL_in_the_path_is_400_with_no_body(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        await AssertRefusedWithNoBodyAsync(request, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Headers_within_the_limits_reach_the_operation()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Jwks);
        request.Headers.Add("X-Padding", new string('a', 16 * 1024));

        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>Kestrel's own refusal: the status, and no body at all.</summary>
    private async Task AssertRefusedWithNoBodyAsync(HttpRequestMessage request, HttpStatusCode status)
    {
        using var response = await _client.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
        }
    }
}
