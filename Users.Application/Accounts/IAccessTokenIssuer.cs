using Users.Domain.Users;

namespace Users.Application.Accounts;

/// <summary>Issues the short-lived signed access tokens that API calls carry, and publishes the keys that verify them.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(User user);

    /// <summary>The public parts of every key whose tokens are accepted, for <c>/.well-known/jwks.json</c>.</summary>
    JsonWebKeySet VerificationKeys { get; }
}
