using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Api;

/// <summary>The app pointed at a database nobody answers for: clients get a 503 to retry, never internals.</summary>
public sealed class DatabaseOutageTests
{
    /// <summary>Nothing listens on port 1, so every connection attempt is refused.</summary>
    private const string UnreachableDatabase = "Host=127.0.0.1;Port=1;Database=x;Username=postgres;Timeout=2";

    private UsersApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartAppWithoutDatabase()
    {
        _factory = new UsersApiFactory(UnreachableDatabase);
        _client = _factory.AsAdmin();
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Get_returns_503_problem_with_retry_after_and_no_internals()
    {
        using var response = await _client.GetAsync($"{UsersClient.Path}/{Guid.CreateVersion7()}");

        await AssertUnavailableAsync(response);
    }

    [Test]
    public async Task Create_returns_503_problem_with_retry_after_and_no_internals()
    {
        using var response = await _client.PostUserAsync(new { email = "ada@example.com", fullName = "Ada Lovelace" });

        await AssertUnavailableAsync(response);
    }

    [Test]
    public async Task List_returns_503_problem_with_retry_after_and_no_internals()
    {
        using var response = await _client.GetAsync(UsersClient.Path);

        await AssertUnavailableAsync(response);
    }

    [Test]
    public async Task Patch_returns_503_problem_with_retry_after_and_no_internals()
    {
        using var response = await _client.PatchUserAsync(Guid.CreateVersion7(), new { fullName = "Ada King" });

        await AssertUnavailableAsync(response);
    }

    [Test]
    public async Task Delete_returns_503_problem_with_retry_after_and_no_internals()
    {
        using var response = await _client.DeleteUserAsync(Guid.CreateVersion7());

        await AssertUnavailableAsync(response);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        var body = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.RetryAfter, Is.Not.Null);
            Assert.That(body, Does.Not.Contain("Npgsql"));
        }
    }
}
