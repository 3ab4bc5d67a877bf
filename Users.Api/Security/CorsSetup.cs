using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Users.Api.Security;

/// <summary>
/// Lets pages from <c>Network:CorsOrigins</c> call the API with a bearer token (no cookies), and read the headers the
/// API's answers carry. With no origins configured, browsers get no CORS grant at all.
/// </summary>
public sealed class CorsSetup(IOptions<NetworkOptions> network) : IConfigureOptions<CorsOptions>
{
    public void Configure(CorsOptions options) =>
        options.AddDefaultPolicy(policy => policy
            .WithOrigins([.. network.Value.CorsOrigins])
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "If-Match", "Idempotency-Key")
            .WithExposedHeaders("ETag", "Location", "Retry-After", "WWW-Authenticate")
            .SetPreflightMaxAge(TimeSpan.FromHours(1)));
}
