using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Users.Application.Accounts;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Accounts;

/// <summary>Shorthand for the calls tests make of the auth API, and clients that carry the access tokens it issues.</summary>
public static class AuthClient
{
    public const string SignUpPath = "/api/v1/auth/signup";
    public const string TokenPath = "/api/v1/auth/token";
    public const string RefreshPath = "/api/v1/auth/refresh";
    public const string LogoutPath = "/api/v1/auth/logout";

    /// <summary>A password the policy accepts for the accounts the tests make; the same one App.SignInAsync stores.</summary>
    public const string Password = UsersApiFactory.Password;

    /// <summary>Another strong password, for changing to.</summary>
    public const string OtherPassword = "quartz lantern orbit fennel";

    public static Task<HttpResponseMessage> PostSignUpAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync(SignUpPath, body, UsersClient.Json);

    public static Task<HttpResponseMessage> PostTokenAsync(this HttpClient client, string email, string password) =>
        client.PostAsJsonAsync(TokenPath, new { email, password }, UsersClient.Json);

    public static Task<HttpResponseMessage> PostRefreshAsync(this HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync(RefreshPath, new { refreshToken }, UsersClient.Json);

    public static Task<HttpResponseMessage> PostLogoutAsync(this HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync(LogoutPath, new { refreshToken }, UsersClient.Json);

    /// <summary>Posts this exact JSON text, for bodies an anonymous object cannot express.</summary>
    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(path, content);
    }

    /// <summary>Signs up and fails the test unless that succeeds.</summary>
    public static async Task<UserResponse> SignUpAsync(
        this HttpClient client, string email = "ada@example.com", string fullName = "Ada Lovelace", string password = Password)
    {
        using var response = await client.PostSignUpAsync(new { email, fullName, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<UserResponse>();
    }

    /// <summary>Signs in and fails the test unless that succeeds.</summary>
    public static async Task<TokenResponse> TokenAsync(this HttpClient client, string email = "ada@example.com", string password = Password)
    {
        using var response = await client.PostTokenAsync(email, password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<TokenResponse>();
    }

    /// <summary>Exchanges a refresh token and fails the test unless that succeeds.</summary>
    public static async Task<TokenResponse> RefreshAsync(this HttpClient client, string refreshToken)
    {
        using var response = await client.PostRefreshAsync(refreshToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<TokenResponse>();
    }

    /// <summary>What presenting this refresh token answers (presenting a used one revokes its family).</summary>
    public static async Task<HttpStatusCode> RefreshStatusAsync(this HttpClient client, string refreshToken)
    {
        using var response = await client.PostRefreshAsync(refreshToken);
        return response.StatusCode;
    }

    /// <summary>What signing in with these credentials answers.</summary>
    public static async Task<HttpStatusCode> TokenStatusAsync(this HttpClient client, string email, string password)
    {
        using var response = await client.PostTokenAsync(email, password);
        return response.StatusCode;
    }

    /// <summary>A client of the app that sends this access token.</summary>
    public static HttpClient WithAccessToken(this WebApplicationFactory<Program> factory, string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
