using System.Reflection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Users.Application.Common;
using Users.Infrastructure.Jobs;
using Users.Infrastructure.Persistence;

namespace Users.Api.Telemetry;

public static class TelemetrySetup
{
    public const string DefaultServiceName = "users";

    /// <summary>The standard variable of the OTLP endpoint; the exporter reads it, this only decides to export.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// ASP.NET Core's meters that operators watch: requests and their duration, connections, unhandled exceptions and
    /// rate limiting. Not those of routing, authentication, authorization and the memory pool, which the OpenTelemetry
    /// instrumentation would add too: several measurements on every request, for little an operator acts on.
    /// </summary>
    private static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
    ];

    /// <summary>
    /// OpenTelemetry, unless <c>Telemetry:Enabled</c> is false: metrics of ASP.NET Core and Kestrel, HttpClient, the
    /// runtime, Npgsql and the service's own meter, for Prometheus at <c>/metrics</c> on the management port; and when
    /// <see cref="OtlpEndpointVariable"/> is set, traces of requests (ASP.NET Core), outgoing HTTP, database commands
    /// (Npgsql) and jobs (<see cref="JobTracing"/>), exported there over OTLP with the metrics and the logs.
    /// </summary>
    public static WebApplicationBuilder AddUsersTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddOptions<ManagementOptions>().Bind(configuration.GetSection(ManagementOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ManagementOptions>, ManagementOptionsValidator>();
        var publicUrls = PublicUrls.Of(configuration);
        services.AddSingleton(publicUrls);
        if (!TelemetryOptions.IsEnabled(configuration))
        {
            return builder;
        }

        ManagementPort.Listen(builder, publicUrls);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName,
                serviceVersion: typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion))
            .WithMetrics(metrics => metrics
                .AddMeter(AspNetCoreMeters)
                .AddHttpClientInstrumentation()
                .AddMeter("System.Runtime", DatabaseTelemetry.MeterName, UsersMeter.Name)
                .AddPrometheusExporter());
        if (string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]))
        {
            // Spans with nowhere to go would cost every request for nothing. Requests still get a W3C trace id (in
            // the log and in problems) and the outbox still keeps it for the job, from ASP.NET Core's own activity.
            return builder;
        }

        telemetry
            .WithMetrics(metrics => metrics.AddOtlpExporter())
            // The same log lines as the console's (same levels), with the trace and span they were written in; the
            // formatted message goes too, so a log backend shows what the console shows, not only the template.
            .WithLogging(logging => logging.AddOtlpExporter(), logs => logs.IncludeFormattedMessage = true)
            .WithTracing(tracing =>
            {
                // OpenTelemetry's OTEL_TRACES_SAMPLER, when given, is the operator's choice; otherwise requests and
                // jobs are traced at Telemetry:TraceSampleRatio, and the polling queries of Hangfire and the dispatcher
                // are not.
                if (string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"]))
                {
                    tracing.SetSampler(provider => new ParentBasedSampler(
                        new UnparentedQuerySampler(provider.GetRequiredService<IOptions<TelemetryOptions>>().Value.TraceSampleRatio)));
                }

                tracing
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !ManagementPort.IsProbe(context))
                    .AddHttpClientInstrumentation()
                    .AddSource(DatabaseTelemetry.ActivitySourceName, JobTracing.SourceName)
                    .AddOtlpExporter();
            });
        return builder;
    }

    /// <summary>The management port's scrape endpoint, when telemetry is on.</summary>
    public static WebApplication UseUsersTelemetry(this WebApplication app) =>
        app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Enabled ? app.UseManagementPort() : app;
}
