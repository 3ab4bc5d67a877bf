using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Users.Api.Telemetry;

/// <summary>
/// The <c>Management</c> settings: the port, apart from the API's, where Prometheus scrapes <c>/metrics</c>. Only that
/// is served there, and <c>/metrics</c> is served nowhere else.
/// </summary>
public sealed class ManagementOptions
{
    public const string Section = "Management";

    /// <summary>The port OpenTelemetry's Prometheus exporter registered.</summary>
    public const int DefaultPort = 9464;

    public const string AnyAddress = "*";

    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// The interface it listens on: <c>*</c> (all, for a scraper on another machine), <c>localhost</c>, or an IP address.
    /// </summary>
    public string Address { get; set; } = AnyAddress;

    /// <summary>The management listener's URL, as Kestrel takes URLs; null when the address is not one this takes.</summary>
    public string? Url() => Host() is { } host ? $"http://{host}:{Port.ToString(CultureInfo.InvariantCulture)}" : null;

    private string? Host() =>
        Address switch
        {
            AnyAddress or "localhost" => Address,
            _ when IPAddress.TryParse(Address, out var ip) => ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString(),
            _ => null,
        };
}
