using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Users.Api.Security;

/// <summary>
/// Believes <c>X-Forwarded-For</c>, <c>-Proto</c>, <c>-Host</c> and <c>-Prefix</c> from the configured proxies only, so
/// the client's address (rate limits, logs), scheme (HSTS, redirects) and address of the service (<c>Location</c>, the
/// OpenAPI document's server) are the client's, not the proxy's. ASP.NET Core trusts loopback by default; that default
/// is dropped, so a client on the same host cannot pick its own address.
/// </summary>
public sealed class ForwardedHeadersSetup(IOptions<NetworkOptions> network, IOptions<HostFilteringOptions> hostFiltering)
    : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        // ASP.NET Core checks the peer against the known proxies only when there are some: with none, it would believe
        // every peer. So with no proxy configured, the headers are not read at all.
        options.ForwardedHeaders = network.Value.TrustedProxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.All;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();

        // Walk back through as many trusted proxies as there are; stop at the first address that is not one.
        options.ForwardLimit = null;
        foreach (var proxy in network.Value.TrustedProxies)
        {
            if (NetworkOptionsValidator.TryParse(proxy, out var trusted))
            {
                options.KnownIPNetworks.Add(trusted);
            }
        }

        // Host filtering checks the Host the proxy sent; the forwarded host must pass the same AllowedHosts.
        var allowedHosts = hostFiltering.Value.AllowedHosts;
        if (!allowedHosts.Contains("*"))
        {
            foreach (var host in allowedHosts)
            {
                options.AllowedHosts.Add(host);
            }
        }
    }
}
