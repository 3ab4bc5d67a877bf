using System.Net.Http.Headers;
using Users.Tests.Support;

namespace Users.Tests.Auth;

/// <summary>Requests that carry a token the test chose, on a client without one of its own.</summary>
public static class BearerRequests
{
    public const string Me = $"{UsersClient.Path}/me";

    public static async Task<HttpResponseMessage> GetWithTokenAsync(this HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
