using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Users.Application.Users;

namespace Users.Tests.Support;

/// <summary>Shorthand for the calls tests make of the users API.</summary>
public static class UsersClient
{
    public const string Path = "/api/v1/users";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Task<HttpResponseMessage> PostUserAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync(Path, body, Json);

    /// <summary>Creates a user and fails the test unless that succeeds.</summary>
    public static async Task<CreatedUser> CreateUserAsync(
        this HttpClient client, string email = "ada@example.com", string fullName = "Ada Lovelace", bool? isActive = null)
    {
        using var response = await client.PostUserAsync(new { email, fullName, isActive });
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var user = await response.Content.ReadFromJsonAsync<UserResponse>(Json);
        return new CreatedUser(user!, response.Headers.ETag!.Tag);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public static Task<HttpResponseMessage> PatchUserAsync(this HttpClient client, Guid id, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"{Path}/{id}") { Content = JsonContent.Create(body, options: Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> DeleteUserAsync(this HttpClient client, Guid id, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"{Path}/{id}");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
