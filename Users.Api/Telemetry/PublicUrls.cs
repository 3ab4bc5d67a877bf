namespace Users.Api.Telemetry;

/// <summary>
/// Where the API listens, as the host works it out from its settings: Kestrel's configured endpoints
/// (<c>Kestrel:Endpoints</c>) when there are any, else <c>--urls</c> / <c>ASPNETCORE_URLS</c>, else
/// <c>ASPNETCORE_HTTP_PORTS</c> / <c>HTTPS_PORTS</c>, else Kestrel's default. Read before the management listener is
/// added, so the public addresses stay exactly those given.
/// </summary>
public sealed record PublicUrls(IReadOnlyList<string> Urls, bool FromKestrelEndpoints)
{
    /// <summary>Kestrel's address when it is given none.</summary>
    public const string KestrelDefault = "http://localhost:5000";

    public static PublicUrls Of(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .OfType<string>()
            .ToList();
        if (endpoints.Count > 0)
        {
            return new PublicUrls(endpoints, FromKestrelEndpoints: true);
        }

        var urls = Split(configuration[WebHostDefaults.ServerUrlsKey]);
        if (urls.Count == 0)
        {
            urls = [.. Ports(configuration[WebHostDefaults.HttpPortsKey], "http"), .. Ports(configuration[WebHostDefaults.HttpsPortsKey], "https")];
        }

        return new PublicUrls(urls.Count > 0 ? urls : [KestrelDefault], FromKestrelEndpoints: false);
    }

    /// <summary>The ports of these URLs; none for a URL that names no port or port 0 (any free one).</summary>
    public IEnumerable<int> Ports() =>
        Urls.Select(url => BindingAddress.Parse(url).Port).Where(port => port > 0);

    private static List<string> Split(string? urls) =>
        [.. (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static IEnumerable<string> Ports(string? ports, string scheme) =>
        Split(ports).Select(port => $"{scheme}://*:{port}");
}
