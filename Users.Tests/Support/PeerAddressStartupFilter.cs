using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Users.Tests.Support;

/// <summary>
/// The in-memory test server has no TCP peer; this gives each request the address a test names in
/// <see cref="Header"/> (127.0.0.1 otherwise), ahead of the app's own pipeline, as a socket would.
/// </summary>
public sealed class PeerAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var peer) && IPAddress.TryParse(peer, out var address)
                ? address
                : IPAddress.Loopback;
            context.Request.Headers.Remove(Header);
            return nextMiddleware(context);
        });
        next(app);
    };
}
