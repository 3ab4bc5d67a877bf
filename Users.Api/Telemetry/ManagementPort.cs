using System.Globalization;
using Microsoft.Extensions.Options;

namespace Users.Api.Telemetry;

/// <summary>
/// The management listener: Kestrel listens on <c>Management:Port</c> beside the API's own addresses, and requests that
/// arrived on that port (told by the connection's local port, not by a <c>Host</c> header a client could write) get the
/// Prometheus scrape at <c>/metrics</c> and nothing else; everywhere else <c>/metrics</c> is an unknown path.
/// </summary>
public static class ManagementPort
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Adds the management URL where Kestrel takes its addresses from, leaving the public ones as given: to the
    /// configured endpoints when there are any (they override the URLs), else to the URLs. An unreadable setting adds
    /// nothing here; the options' validation stops the start-up and names it.
    /// </summary>
    public static void Listen(WebApplicationBuilder builder, PublicUrls publicUrls)
    {
        var configuration = builder.Configuration;
        var management = new ManagementOptions();
        if (configuration[$"{ManagementOptions.Section}:{nameof(ManagementOptions.Port)}"] is { } port)
        {
            management.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
        }

        management.Address = configuration[$"{ManagementOptions.Section}:{nameof(ManagementOptions.Address)}"] ?? management.Address;
        if (management.Url() is not { } url || management.Port is < 1 or > 65535)
        {
            return;
        }

        if (publicUrls.FromKestrelEndpoints)
        {
            configuration["Kestrel:Endpoints:Management:Url"] = url;
        }
        else
        {
            builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Join(';', [.. publicUrls.Urls, url]));
        }
    }

    /// <summary>Serves the management port's requests, before anything of the API's sees them.</summary>
    public static WebApplication UseManagementPort(this WebApplication app)
    {
        var port = app.Services.GetRequiredService<IOptions<ManagementOptions>>().Value.Port;
        app.MapWhen(
            context => context.Connection.LocalPort == port,
            management =>
            {
                management.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == MetricsPath);
                management.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            });
        return app;
    }

    /// <summary>Requests of probes and scrapers, which come every few seconds and say nothing about the API's use.</summary>
    public static bool IsProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ||
        context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);
}
