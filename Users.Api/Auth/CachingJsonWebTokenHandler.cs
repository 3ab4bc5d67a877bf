using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Users.Api.Auth;

/// <summary>
/// Checks each access token's signature once, then remembers it until it expires: verifying an ES256 signature on
/// every request would cost more CPU than the rest of a read. Only tokens that validated are kept, under their exact
/// text, so a changed byte is a cache miss and a full validation; an entry is never served past the token's expiry.
/// </summary>
public sealed class CachingJsonWebTokenHandler(TimeProvider clock) : JsonWebTokenHandler, IDisposable
{
    /// <summary>Enough for every token of a busy quarter-hour; past it the oldest are dropped and validated again.</summary>
    public const int Capacity = 100_000;

    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_validated.TryGetValue(token, out ValidatedToken? known) && clock.GetUtcNow() < known!.ValidUntil)
        {
            return new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = known.Token,
                Issuer = known.Token.Issuer,
                TokenType = known.Token.Typ,
                // Each request gets its own identity, so nothing a request does to it reaches another.
                ClaimsIdentity = known.Identity.Clone(),
            };
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken validated)
        {
            var validUntil = new DateTimeOffset(validated.ValidTo, TimeSpan.Zero) + validationParameters.ClockSkew;
            _validated.Set(token, new ValidatedToken(validated, result.ClaimsIdentity, validUntil), new MemoryCacheEntryOptions
            {
                AbsoluteExpiration = validUntil,
                Size = 1,
            });
        }

        return result;
    }

    public void Dispose() => _validated.Dispose();

    private sealed record ValidatedToken(JsonWebToken Token, System.Security.Claims.ClaimsIdentity Identity, DateTimeOffset ValidUntil);
}
