using System.Net;
using Microsoft.Extensions.Options;

namespace Users.Api.Security;

/// <summary>Stops the service at start-up, naming the setting, when a trusted proxy or CORS origin cannot be read.</summary>
public sealed class NetworkOptionsValidator : IValidateOptions<NetworkOptions>
{
    public ValidateOptionsResult Validate(string? name, NetworkOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!TryParse(options.TrustedProxies[i], out _))
            {
                failures.Add($"{NetworkOptions.Section}:TrustedProxies:{i} ('{options.TrustedProxies[i]}') is not an IP address or a network such as 10.0.0.0/8.");
            }
        }

        for (var i = 0; i < options.CorsOrigins.Count; i++)
        {
            if (!Uri.TryCreate(options.CorsOrigins[i], UriKind.Absolute, out var origin) ||
                origin.Scheme is not ("http" or "https") || origin.AbsolutePath != "/" || origin.Query.Length > 0)
            {
                failures.Add($"{NetworkOptions.Section}:CorsOrigins:{i} ('{options.CorsOrigins[i]}') is not an origin such as https://app.example.com.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>An address is a network of one.</summary>
    public static bool TryParse(string text, out IPNetwork network)
    {
        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }

        return IPNetwork.TryParse(text, out network);
    }
}
