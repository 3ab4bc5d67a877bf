namespace Users.Application.Accounts;

/// <summary>The tokens of a sign-in: an access token for API calls and a refresh token for the next pair.</summary>
public sealed class TokenResponse
{
    /// <summary>A signed JWT; send it as <c>Authorization: Bearer &lt;accessToken&gt;</c>.</summary>
    public required string AccessToken { get; init; }

    /// <summary>Always <c>Bearer</c>.</summary>
    public required string TokenType { get; init; }

    /// <summary>Seconds until the access token expires.</summary>
    public required int ExpiresIn { get; init; }

    /// <summary>Single use: exchange it at <c>/api/v1/auth/refresh</c> for a new pair, or revoke it at <c>/api/v1/auth/logout</c>.</summary>
    public required string RefreshToken { get; init; }
}
