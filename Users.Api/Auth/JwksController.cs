using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Users.Application.Accounts;

namespace Users.Api.Auth;

/// <summary>Publishes the keys that verify access tokens, so other services can check them without a secret.</summary>
[ApiController]
[AllowAnonymous]
[Route(".well-known/jwks.json")]
public sealed class JwksController(IAccessTokenIssuer tokens) : ControllerBase
{
    /// <summary>Public keys change only with a rotation, which keeps the old key published for a while.</summary>
    private const string Caching = "public, max-age=300";

    /// <summary>The JSON Web Key Set of the token-verifying keys.</summary>
    /// <response code="200">Every key whose tokens this service accepts, public parts only.</response>
    [HttpGet]
    [ProducesResponseType<JsonWebKeySet>(StatusCodes.Status200OK, ContentTypes.Json)]
    public JsonWebKeySet Get()
    {
        Response.Headers.CacheControl = Caching;
        return tokens.VerificationKeys;
    }
}
