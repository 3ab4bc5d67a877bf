namespace Users.Api.Security;

/// <summary>The <c>Network</c> settings: which proxies may tell the service who the client is.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>) of the proxies in front of the service. Only from
    /// these are <c>X-Forwarded-For</c>, <c>-Proto</c>, <c>-Host</c> and <c>-Prefix</c> believed; none by default.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Origins (<c>https://app.example.com</c>) whose pages may call the API from a browser; none by default.</summary>
    public List<string> CorsOrigins { get; set; } = [];
}
