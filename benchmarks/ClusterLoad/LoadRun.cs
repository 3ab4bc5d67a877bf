using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// The steady mixed load: <see cref="LoadOptions.Workers"/> loops of reads (GET by id of users this run created, the
/// first page of the list) and creates, one request at a time each, and one loop of sign-ins at a fixed pace (each is a
/// PBKDF2 hash, far dearer than the rest; paced so they stay a small, steady share).
/// </summary>
internal sealed class LoadRun(LoadOptions options, HttpClient http, ResponseLog log)
{
    private const string AccountPassword = "copper harbor cluster lantern";

    /// <summary>An admin's access token lasts 15 minutes; a new one well before.</summary>
    private static readonly TimeSpan AdminTokenRefresh = TimeSpan.FromMinutes(10);

    private readonly string _tag = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    private readonly Lock _idsGate = new();
    private readonly List<Guid> _ids = [];
    private readonly List<string> _accounts = [];
    private string _adminToken = "";
    private long _creates;

    /// <summary>Signs in as the admin, signs up the accounts the sign-ins use, and creates the first user to read.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _adminToken = await AdminTokenAsync(cancellationToken);
        for (var i = 0; i < options.Accounts; i++)
        {
            var email = $"cl-{_tag}-account{i}@example.com";
            using var response = await http.PostAsJsonAsync(
                "api/v1/auth/signup", new { email, fullName = $"Cluster Account {i}", password = AccountPassword }, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"signing up {email} answered {(int)response.StatusCode}");
            }

            _accounts.Add(email);
        }

        if (await CreateAsync(cancellationToken) != (int)HttpStatusCode.Created)
        {
            throw new InvalidOperationException("the first create did not answer 201");
        }
    }

    /// <summary>Drives the load until <paramref name="stop"/> is cancelled; answers cut short by the stop are not recorded.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var loops = Enumerable.Range(0, options.Workers).Select(i => MixedLoopAsync(new Random(i), stop)).ToList();
        loops.Add(SignInLoopAsync(stop));
        loops.Add(AdminTokenLoopAsync(stop));
        await Task.WhenAll(loops);
    }

    private async Task MixedLoopAsync(Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var roll = random.NextDouble();
            if (roll < 0.55)
            {
                Guid id;
                lock (_idsGate)
                {
                    id = _ids[random.Next(_ids.Count)];
                }

                await SendAsync("get", Authorized(HttpMethod.Get, $"api/v1/users/{id}"), stop);
            }
            else if (roll < 0.75)
            {
                await SendAsync("list", Authorized(HttpMethod.Get, "api/v1/users?limit=20"), stop);
            }
            else
            {
                await CreateAsync(stop);
            }
        }
    }

    private async Task SignInLoopAsync(CancellationToken stop)
    {
        var i = 0;
        while (!stop.IsCancellationRequested)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/token")
            {
                Content = JsonContent.Create(new { email = _accounts[i++ % _accounts.Count], password = AccountPassword }),
            };
            await SendAsync("signin", request, stop);
            await Pause(options.SignInInterval, stop);
        }
    }

    private async Task AdminTokenLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Pause(AdminTokenRefresh, stop);
            if (!stop.IsCancellationRequested)
            {
                Volatile.Write(ref _adminToken, await AdminTokenAsync(stop));
            }
        }
    }

    private async Task<int> CreateAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _creates);
        var email = $"cl-{_tag}-{n}@example.com";
        var request = Authorized(HttpMethod.Post, "api/v1/users");
        request.Content = JsonContent.Create(new { email, fullName = $"Cluster Load {n}" });
        var (status, body) = await SendAsync("create", request, cancellationToken);
        if (status == (int)HttpStatusCode.Created && body is not null)
        {
            using var json = JsonDocument.Parse(body);
            var id = json.RootElement.GetProperty("id").GetGuid();
            log.Created(id, email);
            lock (_idsGate)
            {
                _ids.Add(id);
            }
        }

        return status;
    }

    private async Task<string> AdminTokenAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            "api/v1/auth/token", new { email = options.AdminEmail, password = options.AdminPassword }, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the admin's sign-in answered {(int)response.StatusCode}");
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("accessToken").GetString() ?? throw new InvalidOperationException("no access token");
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Volatile.Read(ref _adminToken));
        return request;
    }

    /// <summary>Sends one request and records its status (0 when no answer came, with the reason); -1 when stopped.</summary>
    private async Task<(int Status, string? Body)> SendAsync(string kind, HttpRequestMessage request, CancellationToken stop)
    {
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                log.Answer(kind, (int)response.StatusCode);
                return ((int)response.StatusCode, body);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return (-1, null);
            }
            catch (HttpRequestException exception)
            {
                log.Answer(kind, 0, exception.HttpRequestError.ToString());
                return (0, null);
            }
            catch (TaskCanceledException)
            {
                log.Answer(kind, 0, "Timeout");
                return (0, null);
            }
        }
    }

    private static async Task Pause(TimeSpan time, CancellationToken stop)
    {
        try
        {
            await Task.Delay(time, stop);
        }
        catch (OperationCanceledException)
        {
            // Stopped: the loop ends.
        }
    }
}
