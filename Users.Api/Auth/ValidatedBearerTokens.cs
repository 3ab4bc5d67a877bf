using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Users.Api.Auth;

/// <summary>
/// The outcomes of bearer tokens JwtBearer has validated, kept until each token expires (on the app's clock), under
/// the exact <c>Authorization</c> header that carried it: a changed byte is a miss and a full validation. Verifying an
/// ES256 signature, and building a ticket, on every request would cost more CPU than the rest of a read.
/// </summary>
public sealed class ValidatedBearerTokens(TimeProvider clock) : IDisposable
{
    /// <summary>Enough for every token of a busy quarter-hour; past it the oldest are dropped and validated again.</summary>
    public const int Capacity = 100_000;

    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The remembered outcome for this header, if its token has not expired.</summary>
    public Task<AuthenticateResult>? Find(string authorization) =>
        _validated.TryGetValue(authorization, out Validated? known) && clock.GetUtcNow() < known!.ValidUntil ? known.Outcome : null;

    /// <summary>Keeps a successful outcome until the token's <c>exp</c> (plus the allowed clock skew).</summary>
    public void Remember(string authorization, AuthenticateResult result)
    {
        if (!result.Succeeded ||
            !long.TryParse(result.Principal.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return;
        }

        var validUntil = DateTimeOffset.FromUnixTimeSeconds(expires) + JwtBearerSetup.ClockSkew;
        _validated.Set(authorization, new Validated(Task.FromResult(result), validUntil), new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = validUntil,
            Size = 1,
        });
    }

    public void Dispose() => _validated.Dispose();

    private sealed record Validated(Task<AuthenticateResult> Outcome, DateTimeOffset ValidUntil);
}
