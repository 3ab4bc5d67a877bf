using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;

namespace Users.Api.Hosting;

/// <summary>
/// Every request is cancelled after <see cref="HostingOptions.RequestTimeout"/>, an import's upload after
/// <see cref="HostingOptions.ImportRequestTimeout"/>. The cancellation is the request's token, which reaches EF Core
/// and Npgsql, so the database statement is cancelled too and a slow database cannot pile up waiting requests. The
/// answer is a 504 problem (<c>UseStatusCodePages</c> writes it). ASP.NET Core applies no timeout while a debugger is
/// attached.
/// </summary>
public sealed class RequestTimeoutsSetup(IOptions<HostingOptions> hosting) : IConfigureOptions<RequestTimeoutOptions>
{
    /// <summary>The policy of the import upload (<c>[RequestTimeout(ImportPolicy)]</c>).</summary>
    public const string ImportPolicy = "import";

    public void Configure(RequestTimeoutOptions options)
    {
        options.DefaultPolicy = new RequestTimeoutPolicy { Timeout = hosting.Value.RequestTimeout };
        options.AddPolicy(ImportPolicy, hosting.Value.ImportRequestTimeout);
    }
}
