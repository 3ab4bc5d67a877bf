using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Cluster;

/// <summary>What a node's <c>/health/ready</c> says, and waiting until it counts its budgets in Redis.</summary>
public static class NodeReadiness
{
    public static async Task<(HttpStatusCode Status, string Body)> ReadAsync(UsersApiFactory node)
    {
        using var client = node.Anonymous();
        using var response = await client.GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Until the node has connected to Redis (it connects in the background and counts locally until then), so a test
    /// spends only shared budgets.
    /// </summary>
    public static Task UntilSharingAsync(UsersApiFactory node) =>
        Poll.UntilAsync(() => ReadAsync(node), seen => seen == (HttpStatusCode.OK, "Healthy"), "the node to connect to Redis");
}
