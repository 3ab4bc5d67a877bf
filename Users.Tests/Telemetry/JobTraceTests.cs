using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Users.Infrastructure.Jobs;
using Users.Tests.Accounts;
using Users.Tests.Jobs;
using Users.Tests.Support;

namespace Users.Tests.Telemetry;

/// <summary>
/// A job continues the trace of the request that staged its outbox message, through the outbox row, the dispatcher
/// and Hangfire: the service's own tracing, exported to memory. On a database of its own, so the job is run by this
/// app's workers and no other test app's.
/// </summary>
public sealed class JobTraceTests
{
    private static readonly string Database = TestDatabase.Sibling("traces");

    private readonly ExportedSpanCollection _spans = new();
    private UsersApiFactory _app = null!;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        await TestDatabase.PrepareAsync(Database);
        await TestDatabase.ResetAsync(Database);
        // Tracing is on where spans have somewhere to go: an OTLP endpoint (here one nobody listens on) and memory.
        _app = new UsersApiFactory(
            Database,
            new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{ServiceProcess.FreePort()}" },
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans)));
    }

    [OneTimeTearDown]
    public async Task StopAppAsync() => await _app.DisposeAsync();

    [Test]
    public async Task The_sign_up_request_is_the_parent_of_its_verification_mail_job()
    {
        using var client = _app.Anonymous();

        await client.SignUpAsync("ada@example.com", "Ada Lovelace", UsersApiFactory.Password);

        var job = await WaitForSpanAsync(span => span.Source.Name == JobTracing.SourceName && span.DisplayName == "job VerificationMailRequested");
        var request = await WaitForSpanAsync(span => span.Kind == ActivityKind.Server && span.GetTagItem("url.path") as string == AuthClient.SignUpPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.TraceId, Is.EqualTo(request.TraceId));
            Assert.That(AncestorsOf(job), Does.Contain(request.SpanId), "the job's parent chain does not lead to the request");
            Assert.That(job.Kind, Is.EqualTo(ActivityKind.Consumer));
        }
    }

    [Test]
    public async Task A_job_span_records_the_failure_of_its_job()
    {
        await _app.StageAsync(new TestMessage("fails", Fails: true));

        var job = await WaitForSpanAsync(span => span.Source.Name == JobTracing.SourceName && span.DisplayName == "job TestMessage");
        Assert.That(job.Status, Is.EqualTo(ActivityStatusCode.Error));
    }

    [Test]
    public void Without_an_otlp_endpoint_nothing_is_traced()
    {
        var tracing = TestEnvironment.Factory.Services.GetService<TracerProvider>();

        Assert.That(tracing, Is.Null);
    }

    /// <summary>The span ids up the parent chain, as far as the exported spans go.</summary>
    private List<ActivitySpanId> AncestorsOf(Activity span)
    {
        var spans = _spans.Snapshot().ToDictionary(exported => exported.SpanId);
        var ancestors = new List<ActivitySpanId>();
        for (var parent = span.ParentSpanId; parent != default && ancestors.Count < 50; parent = spans.GetValueOrDefault(parent)?.ParentSpanId ?? default)
        {
            ancestors.Add(parent);
        }

        return ancestors;
    }

    private async Task<Activity> WaitForSpanAsync(Func<Activity, bool> match) =>
        (await Poll.UntilAsync(
            () => Task.FromResult(_spans.Snapshot().FirstOrDefault(match)),
            span => span is not null,
            "the span",
            context: () => string.Join(", ", _spans.Snapshot().Select(span => $"{span.Source.Name}:{span.DisplayName}"))))!;
}
