namespace Users.Tests.Support;

/// <summary>A stored account and an HTTP client that calls the API with its access token.</summary>
public sealed record SignedInUser(Guid Id, string Email, string AccessToken, HttpClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
