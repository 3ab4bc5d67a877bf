using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Users.Api.RateLimiting;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.Telemetry;

/// <summary>Requests refused with 429 are counted by the budget they ran out of, per address or per email.</summary>
public sealed class RateLimitMetricsTests
{
    [Test]
    public async Task Rejections_are_counted_by_policy()
    {
        await using var app = new UsersApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimits:PerClientIp:PermitLimit"] = "2",
            ["RateLimits:PerEmail:PermitLimit"] = "1",
        });
        using var metrics = new MetricCapture(app.Services.GetRequiredService<IMeterFactory>());
        using var client = app.Anonymous();

        // The first passes both budgets; the second has the address's but not the email's; the third has neither.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await client.TokenStatusAsync("ada@example.com", "whatever the password is"));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }));
            Assert.That(metrics.Sum("users.rate_limit.rejections", ("policy", RateLimitMetrics.PerEmail)), Is.EqualTo(1));
            Assert.That(metrics.Sum("users.rate_limit.rejections", ("policy", AuthRateLimits.SignIn)), Is.EqualTo(1));
        }
    }
}
