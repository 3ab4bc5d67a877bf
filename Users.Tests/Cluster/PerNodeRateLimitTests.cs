using System.Globalization;
using System.Net;
using Users.Infrastructure.Jobs;
using Users.Tests.Security;
using Users.Tests.Support;

namespace Users.Tests.Cluster;

/// <summary>Without <c>RateLimits:Redis</c> each node counts its own budgets, as a single node always has.</summary>
public sealed class PerNodeRateLimitTests : DatabaseTest
{
    private const int PerAddress = 2;

    [Test]
    public async Task Without_Redis_each_node_gives_an_address_its_own_budget()
    {
        await using var first = Node();
        await using var second = Node();
        using var one = first.Anonymous();
        using var other = second.Anonymous();
        for (var attempt = 1; attempt <= PerAddress; attempt++)
        {
            using var spent = await one.AttemptFromAsync(AuthCalls.Token, attempt, "198.51.100.7");
            Assert.That(spent.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {attempt} on the first node");
        }

        using var onOther = await other.AttemptFromAsync(AuthCalls.Token, PerAddress + 1, "198.51.100.7");
        using var onOne = await one.AttemptFromAsync(AuthCalls.Token, PerAddress + 2, "198.51.100.7");

        Assert.That(onOther.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the other node's budget is untouched");
        await RateLimitAssert.IsTooManyRequestsAsync(onOne);
    }

    private static UsersApiFactory Node() => new(TestDatabase.ConnectionString, new Dictionary<string, string?>
    {
        ["Jobs:Role"] = nameof(JobRole.Api),
        // Windows far longer than a test: a budget that renewed mid-test would pass a request the test expects refused.
        ["RateLimits:PerClientIp:Window"] = "01:00:00",
        ["RateLimits:PerEmail:Window"] = "01:00:00",
        ["RateLimits:PerClientIp:PermitLimit"] = PerAddress.ToString(CultureInfo.InvariantCulture),
    });
}
