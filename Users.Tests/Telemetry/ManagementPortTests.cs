using System.Globalization;
using System.Net;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.Telemetry;

/// <summary>
/// Prometheus scrapes <c>/metrics</c> on the management port and nowhere else, while <c>--urls</c> still decides the
/// API's port. Ports are only real on a real server, so this runs the built service as a process on loopback ports
/// (<see cref="ServiceProcess"/>), on a database of its own, and reads it over HTTP as Prometheus and clients would.
/// </summary>
public sealed class ManagementPortTests
{
    private static readonly string Database = TestDatabase.Sibling("metrics");

    private ServiceProcess _service = null!;
    private HttpClient _api = null!;
    private HttpClient _management = null!;

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        await TestDatabase.PrepareAsync(Database);
        await TestDatabase.ResetAsync(Database);
        var managementPort = ServiceProcess.FreePort();
        _service = await ServiceProcess.StartServingAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = Database,
            ["Management:Port"] = managementPort.ToString(CultureInfo.InvariantCulture),
            ["Management:Address"] = "127.0.0.1",
        });
        _api = _service.CreateClient();
        _management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync()
    {
        _api.Dispose();
        _management.Dispose();
        await _service.DisposeAsync();
    }

    [Test]
    public async Task Metrics_are_served_on_the_management_port_with_the_framework_and_database_meters()
    {
        using (await _api.GetAsync("/health/ready"))
        {
        }

        using var response = await _management.GetAsync("/metrics");

        var scrape = new PrometheusScrape(await response.Content.ReadAsStringAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(scrape.Has("http_server_request_duration_seconds"), Is.True, "ASP.NET Core's request duration");
            Assert.That(scrape.Has("kestrel_"), Is.True, "Kestrel's connections");
            Assert.That(scrape.Has("dotnet_gc_collections_total"), Is.True, "the runtime's");
            Assert.That(scrape.Has("db_client_"), Is.True, "Npgsql's");
        }
    }

    [Test]
    public async Task Metrics_are_not_served_on_the_public_port_whatever_the_host_header_says()
    {
        using var plain = await _api.GetAsync("/metrics");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = _management.BaseAddress!.Authority } };
        using var disguised = await _api.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(disguised.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task The_management_port_serves_nothing_but_metrics()
    {
        using var health = await _management.GetAsync("/health/live");
        using var users = await _management.GetAsync("/api/v1/users");
        using var publicHealth = await _api.GetAsync("/health/live");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(users.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(publicHealth.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the API answers on the port --urls gave");
        }
    }

    [Test]
    public async Task A_failed_sign_in_moves_the_sign_in_counter_with_its_outcome()
    {
        var before = (await ScrapeAsync()).Sum("users_sign_ins_total", ("outcome", "unknown_account"));

        var status = await _api.TokenStatusAsync("nobody@example.com", "whatever the password is");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        await Poll.UntilAsync(
            async () => (await ScrapeAsync()).Sum("users_sign_ins_total", ("outcome", "unknown_account")),
            count => count == before + 1,
            "the sign-in counter to move by one");
    }

    [Test]
    public async Task A_sign_up_shows_on_the_scrape_as_a_succeeded_mail_job_and_a_sent_mail()
    {
        await _api.SignUpAsync("ada@example.com", "Ada Lovelace", UsersApiFactory.Password);

        var scrape = await Poll.UntilAsync(
            ScrapeAsync,
            seen => seen.Sum("users_jobs_total", ("job", "VerificationMailRequested"), ("state", "succeeded")) >= 1,
            "the verification mail's job to succeed",
            context: () => _service.Output);
        Assert.That(scrape.Sum("users_mails_total", ("outcome", "sent")), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task With_telemetry_off_there_is_no_management_port()
    {
        var managementPort = ServiceProcess.FreePort();
        await using var service = await ServiceProcess.StartServingAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = Database,
            ["Telemetry:Enabled"] = "false",
            ["Management:Port"] = managementPort.ToString(CultureInfo.InvariantCulture),
        });
        using var api = service.CreateClient();
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };

        using var metrics = await api.GetAsync("/metrics");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(async () => await management.GetAsync("/metrics"), Throws.InstanceOf<HttpRequestException>());
        }
    }

    private async Task<PrometheusScrape> ScrapeAsync()
    {
        using var response = await _management.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return new PrometheusScrape(await response.Content.ReadAsStringAsync());
    }
}
