using System.Net;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Tests.Support;

namespace Users.Tests.Admin;

/// <summary>Who is stored as what, read through the API by an admin.</summary>
public static class AdminRoster
{
    /// <summary>The ids of the stored active admins (the test tables hold far fewer users than a page).</summary>
    public static async Task<Guid[]> ActiveAdminIdsAsync(this HttpClient admin)
    {
        using var response = await admin.GetAsync($"{UsersClient.Path}?limit=100");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var page = await response.ReadAsync<UserPage>();
        return [.. page.Items.Where(user => user.IsActive && user.Role == UserRole.Admin).Select(user => user.Id)];
    }

    /// <summary>The stored account, which must exist.</summary>
    public static async Task<UserResponse> ReadUserAsync(this HttpClient admin, Guid id)
    {
        using var response = await admin.GetAsync($"{UsersClient.Path}/{id}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<UserResponse>();
    }
}
