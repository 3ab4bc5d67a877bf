using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Users.Api.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter for the endpoints that take credentials or tokens: each of them has a budget per client
/// address.
/// The address is the connection's, or the one a trusted proxy forwarded (see <c>Network:TrustedProxies</c>). A
/// partition's key names the endpoint too, so the budgets stay apart where they are counted together (Redis).
/// </summary>
public sealed class AuthRateLimits(IOptions<RateLimitOptions> options, RateLimitPartitions partitions, RateLimitMetrics metrics)
    : IConfigureOptions<RateLimiterOptions>
{
    public const string SignIn = "sign-in";
    public const string SignUp = "sign-up";
    public const string Refresh = "refresh";
    public const string SignOut = "sign-out";
    public const string VerifyEmail = "verify-email";
    public const string ForgotPassword = "forgot-password";
    public const string ResetPassword = "reset-password";

    public void Configure(RateLimiterOptions limiter)
    {
        var perIp = options.Value.PerClientIp;
        foreach (var policy in (string[])[SignIn, SignUp, Refresh, SignOut, VerifyEmail, ForgotPassword, ResetPassword])
        {
            limiter.AddPolicy(policy, context => partitions.FixedWindow($"{policy}:{ClientKey(context)}", perIp));
        }

        limiter.OnRejected = (rejected, _) =>
        {
            metrics.Rejected(rejected.HttpContext);
            return new ValueTask(RateLimitProblem.WriteAsync(rejected.HttpContext, RateLimitProblem.RetryAfter(rejected.Lease)));
        };
    }

    /// <summary>
    /// The client's address; IPv6 clients by their /64, since one host commonly holds a whole /64 and would otherwise
    /// get a fresh budget from each address of it.
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPNetwork(address, 64).BaseAddress + "/64"
            : address.ToString();
    }
}
