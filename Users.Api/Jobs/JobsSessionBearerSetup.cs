using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Users.Api.Jobs;

/// <summary>
/// The <see cref="JobsSession.Scheme"/> scheme is JwtBearer with the app's own validation (<c>JwtBearerSetup</c>
/// configures every JwtBearer scheme: the keys, ES256 only, issuer, audience, lifetime on the app's clock, a caller in
/// the claims), reading the token from the session cookie instead of the <c>Authorization</c> header. Without the
/// cookie it finds nothing; it never falls back to the header.
/// </summary>
public sealed class JobsSessionBearerSetup : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name != JobsSession.Scheme)
        {
            return;
        }

        options.Events.OnMessageReceived = context =>
        {
            if (JobsSession.TokenOf(context.Request) is { } token)
            {
                context.Token = token;
            }
            else
            {
                context.NoResult();
            }

            return Task.CompletedTask;
        };
    }
}
