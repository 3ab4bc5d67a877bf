using System.Net;
using Npgsql;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Api;

/// <summary>
/// The database goes away while the app runs and holds pooled, open connections to it, then comes back. A proxy
/// between app and server resets every connection, so nothing is mocked: meanwhile clients get a 503 problem with
/// Retry-After, never a 500 or internals; afterwards the same app instance serves again and has lost nothing.
/// </summary>
public sealed class DatabaseLossTests
{
    private const int ConcurrentRequests = 40;

    private const string MissingRead = "GET missing";

    /// <summary>
    /// A pooled connection the loss broke can fail a request after the database is back (Npgsql then drops the
    /// pool's other connections), so recovery may take an attempt or two; this bounds it.
    /// </summary>
    private const int RecoveryAttempts = 20;

    private TcpProxy _proxy = null!;
    private UsersApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartAppBehindProxy()
    {
        _proxy = new TcpProxy(TestDatabase.ConnectionString);
        // Timeout=3: a connection attempt that gets nowhere fails in 3 s, not the default 15 s.
        var throughProxy = new NpgsqlConnectionStringBuilder(_proxy.Route(TestDatabase.ConnectionString)) { Timeout = 3 };
        _factory = new UsersApiFactory(throughProxy.ConnectionString);
        _client = _factory.AsAdmin();
        // A request that hangs fails the test instead of stalling the run.
        _client.Timeout = TimeSpan.FromSeconds(10);
    }

    [SetUp]
    public async Task StartWithDatabaseBackAndEmptyAsync()
    {
        _proxy.Restore();
        await TestDatabase.ResetAsync();
        // A test that failed while the database was gone may have left broken connections in the pool.
        await AssertRecoversAsync(() => _client.GetAsync(UsersClient.Path));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _proxy.DisposeAsync();
    }

    [Test]
    public async Task Requests_get_503_with_retry_after_not_500_when_the_database_goes_away_mid_run()
    {
        var user = await _client.CreateUserAsync();
        await FillPoolAsync(user.User.Id);

        await _proxy.BreakAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, ConcurrentRequests).Select(i => SendAsync(i, user.User.Id)));

        try
        {
            var offenders = new List<string>();
            foreach (var (request, response) in responses)
            {
                if (await DescribeUnlessUnavailableAsync(response) is { } wrong)
                {
                    offenders.Add($"{request}: {wrong}");
                }
            }

            Assert.That(offenders, Is.Empty, "every request while the database is gone is a 503 problem with Retry-After");
            foreach (var (_, response) in responses)
            {
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            }
        }
        finally
        {
            DisposeAll(responses.Select(sent => sent.Response));
        }
    }

    [Test]
    public async Task Requests_in_flight_when_the_database_goes_away_succeed_or_get_503_never_500()
    {
        var user = await _client.CreateUserAsync();
        await FillPoolAsync(user.User.Id);

        var sending = Enumerable.Range(0, ConcurrentRequests).Select(i => SendAsync(i, user.User.Id)).ToList();
        _proxy.Break();
        var responses = await Task.WhenAll(sending);

        try
        {
            var offenders = new List<string>();
            foreach (var (request, response) in responses)
            {
                // The PATCHes of one user race each other as well: the API answers the losers 409, by design. A read of a
                // missing user that finished before the cut is, rightly, a 404.
                var lostRace = request.StartsWith("PATCH", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.Conflict;
                var foundMissing = request == MissingRead && response.StatusCode == HttpStatusCode.NotFound;
                if (!response.IsSuccessStatusCode && !lostRace && !foundMissing && await DescribeUnlessUnavailableAsync(response) is { } wrong)
                {
                    offenders.Add($"{request}: {wrong}");
                }
            }

            Assert.That(offenders, Is.Empty, "a request cut off mid-way either finished or is a 503 problem with Retry-After");
        }
        finally
        {
            DisposeAll(responses.Select(sent => sent.Response));
        }
    }

    [Test]
    public async Task Service_recovers_without_restart_when_the_database_comes_back()
    {
        var user = await _client.CreateUserAsync();
        var path = $"{UsersClient.Path}/{user.User.Id}";
        await FillPoolAsync(user.User.Id);
        await _proxy.BreakAsync();
        using (var whileGone = await _client.GetAsync(path))
        {
            await AssertUnavailableAsync(whileGone);
        }

        _proxy.Restore();

        await AssertRecoversAsync(() => _client.GetAsync(path));
        var created = await _client.CreateUserAsync("grace@example.com", "Grace Hopper");
        using var read = await _client.GetAsync($"{UsersClient.Path}/{created.User.Id}");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), await read.Content.ReadAsStringAsync());
        var readBack = await read.ReadAsync<UserResponse>();
        Assert.That(readBack.Email, Is.EqualTo("grace@example.com"));
    }

    [Test]
    public async Task Health_ready_is_503_while_the_database_is_gone_and_200_after()
    {
        var user = await _client.CreateUserAsync();
        await FillPoolAsync(user.User.Id);
        using (var before = await _client.GetAsync("/health/ready"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), await before.Content.ReadAsStringAsync());
        }

        await _proxy.BreakAsync();
        using (var whileGone = await _client.GetAsync("/health/ready"))
        {
            Assert.That(whileGone.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await whileGone.Content.ReadAsStringAsync());
        }

        _proxy.Restore();

        await AssertRecoversAsync(() => _client.GetAsync("/health/ready"));
    }

    [Test]
    public async Task Writes_acknowledged_before_the_database_went_away_are_all_readable_after_it_comes_back()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => _client.CreateUserAsync($"user{i}@example.com", $"User {i}")));

        await _proxy.BreakAsync();
        using (var whileGone = await _client.PostUserAsync(new { email = "lost@example.com", fullName = "Not Stored" }))
        {
            await AssertUnavailableAsync(whileGone);
        }

        _proxy.Restore();
        await AssertRecoversAsync(() => _client.GetAsync(UsersClient.Path));

        foreach (var user in created)
        {
            using var read = await _client.GetAsync($"{UsersClient.Path}/{user.User.Id}");
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{user.User.Email}: {await read.Content.ReadAsStringAsync()}");
            var readBack = await read.ReadAsync<UserResponse>();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(readBack.Email, Is.EqualTo(user.User.Email));
                Assert.That(read.Headers.ETag?.Tag, Is.EqualTo(user.ETag));
            }
        }

        // Exactly those: the create refused while the database was gone did not sneak in either.
        using var list = await _client.GetAsync($"{UsersClient.Path}?limit={ListUsersQuery.MaxLimit}");
        var page = await list.ReadAsync<UserPage>();
        Assert.That(page.Items.Select(item => item.Id), Is.EquivalentTo(created.Select(user => user.User.Id)));
    }

    /// <summary>Concurrent reads, so the app's pool holds several open connections through the proxy.</summary>
    private async Task FillPoolAsync(Guid id)
    {
        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.GetAsync($"{UsersClient.Path}/{id}")));
        DisposeAll(reads);
        Assert.That(_proxy.OpenConnections, Is.GreaterThan(0), "the app keeps pooled connections open to the database");
    }

    /// <summary>A mix of every kind of request that needs the database, the i-th of them.</summary>
    private async Task<(string Request, HttpResponseMessage Response)> SendAsync(int i, Guid existing) => (i % 5) switch
    {
        0 => ($"GET {existing}", await _client.GetAsync($"{UsersClient.Path}/{existing}")),
        1 => (MissingRead, await _client.GetAsync($"{UsersClient.Path}/{Guid.CreateVersion7()}")),
        2 => ($"POST user{i}", await _client.PostUserAsync(new { email = $"user{i}@example.com", fullName = $"User {i}" })),
        3 => ($"PATCH {existing}", await _client.PatchUserAsync(existing, new { fullName = $"Ada {i}" })),
        _ => ("GET list", await _client.GetAsync($"{UsersClient.Path}?search=ada&limit=5")),
    };

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.That(await DescribeUnlessUnavailableAsync(response), Is.Null);
    }

    /// <summary>Null when the response is a 503 problem with Retry-After and no internals; otherwise what it is instead.</summary>
    private static async Task<string?> DescribeUnlessUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var unavailable = response.StatusCode == HttpStatusCode.ServiceUnavailable &&
            response.Content.Headers.ContentType?.MediaType == "application/problem+json" &&
            response.Headers.RetryAfter is not null &&
            body.Contains("\"status\":503", StringComparison.Ordinal) &&
            !body.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) &&
            !body.Contains("Exception", StringComparison.Ordinal) &&
            !body.Contains("   at ", StringComparison.Ordinal);
        return unavailable
            ? null
            : $"{(int)response.StatusCode} Retry-After={response.Headers.RetryAfter?.ToString() ?? "none"} {body}";
    }

    /// <summary>
    /// Sends the request until it succeeds, at most <see cref="RecoveryAttempts"/> times, with no pause: the database
    /// is back, so only connections the loss broke can still fail, each once. Every failure must be a proper 503.
    /// </summary>
    private static async Task AssertRecoversAsync(Func<Task<HttpResponseMessage>> send)
    {
        var unavailable = 0;
        var wrong = new List<string>();
        for (var attempt = 1; attempt <= RecoveryAttempts; attempt++)
        {
            using var response = await send();
            if (response.IsSuccessStatusCode)
            {
                await TestContext.Out.WriteLineAsync($"Answered {(int)response.StatusCode} on attempt {attempt}.");
                Assert.That(wrong, Is.Empty, "failures on the way back are 503 problems with Retry-After");
                return;
            }

            if (await DescribeUnlessUnavailableAsync(response) is { } description)
            {
                wrong.Add(description);
            }
            else
            {
                unavailable++;
            }
        }

        Assert.Fail($"Still failing after {RecoveryAttempts} attempts, {unavailable} of them 503: {string.Join(" | ", wrong)}");
    }

    private static void DisposeAll(IEnumerable<HttpResponseMessage> responses)
    {
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
