using System.Net.Http.Json;
using Users.Tests.Support;

namespace Users.Tests.Accounts;

/// <summary>Shorthand for the calls a signed-in user makes on their own account.</summary>
public static class MeClient
{
    public const string Path = "/api/v1/users/me";
    public const string PasswordPath = "/api/v1/users/me/password";

    public static Task<HttpResponseMessage> PatchMeAsync(this HttpClient client, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, Path) { Content = JsonContent.Create(body, options: UsersClient.Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutPasswordAsync(this HttpClient client, string currentPassword, string newPassword) =>
        client.PutAsJsonAsync(PasswordPath, new { currentPassword, newPassword }, UsersClient.Json);
}
