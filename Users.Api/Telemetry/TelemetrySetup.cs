using System.Reflection;
using Microsoft.Extensions.Options;
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
    /// OpenTelemetry, unless <c>Telemetry:Enabled</c> is false: traces of requests (ASP.NET Core), outgoing HTTP,
    /// database commands (Npgsql) and jobs (<see cref="JobTracing"/>), exported over OTLP when
    /// <see cref="OtlpEndpointVariable"/> is set; metrics of ASP.NET Core and Kestrel, HttpClient, the runtime, Npgsql
    /// and the service's own meter, for Prometheus at <c>/metrics</c> on the management port (and over OTLP likewise).
    /// </summary>
    public static WebApplicationBuilder AddUsersTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section)).ValidateOnStart();
        services.AddOptions<ManagementOptions>().Bind(configuration.GetSection(ManagementOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ManagementOptions>, ManagementOptionsValidator>();
        var publicUrls = PublicUrls.Of(configuration);
        services.AddSingleton(publicUrls);
        if (!TelemetryOptions.IsEnabled(configuration))
        {
            return builder;
        }

        ManagementPort.Listen(builder, publicUrls);
        var exportOtlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName,
                serviceVersion: typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion))
            .WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new ParentBasedSampler(new UnparentedQuerySampler()))
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !ManagementPort.IsProbe(context))
                    .AddHttpClientInstrumentation()
                    .AddSource(DatabaseTelemetry.ActivitySourceName, JobTracing.SourceName);
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter("System.Runtime", DatabaseTelemetry.MeterName, UsersMeter.Name)
                    .AddPrometheusExporter();
                if (exportOtlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }

    /// <summary>The management port's scrape endpoint, when telemetry is on.</summary>
    public static WebApplication UseUsersTelemetry(this WebApplication app) =>
        app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Enabled ? app.UseManagementPort() : app;
}
