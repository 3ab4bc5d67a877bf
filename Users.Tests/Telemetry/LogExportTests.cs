using Users.Tests.Support;

namespace Users.Tests.Telemetry;

/// <summary>With an OTLP endpoint set, the service's log lines go there too, over the real exporter.</summary>
public sealed class LogExportTests
{
    [Test]
    public async Task Log_lines_are_exported_over_OTLP_when_an_endpoint_is_set()
    {
        using var collector = new OtlpReceiver();
        await using var app = new UsersApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["Logging:LogLevel:Users.Api.Logging.RequestLog"] = "Information",
        });
        using var client = app.Anonymous();

        using (await client.GetAsync("/api/v1/users/me"))
        {
        }

        await Poll.UntilAsync(
            () => collector.Received("/v1/logs", "GET /api/v1/users/me answered 401"),
            "the request's log line to reach the collector");
    }
}
