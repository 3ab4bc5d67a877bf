using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Users.Api.Jobs;
using Users.Application.Accounts;
using Users.Domain.Users;
using Users.Infrastructure.Jobs;
using Users.Tests.Jobs;
using Users.Tests.Support;

namespace Users.Tests.Dashboard;

/// <summary>
/// What a browser does with the jobs dashboard: opens a session with an access token, then sends the session cookie to
/// <c>/jobs</c> (here by hand, so each test says exactly which cookie goes), and the page's anti-forgery token with the
/// dashboard's actions.
/// </summary>
public static partial class DashboardCalls
{
    public const string SessionPath = "/api/v1/auth/jobs-session";

    /// <summary>A client that keeps no cookies and follows no redirects: it sends what the test gives, and shows every answer.</summary>
    public static HttpClient Browser(this UsersApiFactory app, string baseAddress = "http://localhost") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    /// <summary>A fresh access token of the app's own issuer for an account of this role that is not stored.</summary>
    public static string IssueToken(this UsersApiFactory app, UserRole role) =>
        app.Services.GetRequiredService<IAccessTokenIssuer>()
            .Issue(User.Create($"{role}@users.test".ToLowerInvariant(), "Dashboard Visitor", isActive: true, role, app.Clock.GetUtcNow()))
            .Value;

    /// <summary>A job that waits an hour, so it stays as it is unless the test changes it; returns its id.</summary>
    public static string ScheduleIdleJob(this UsersApiFactory app) =>
        app.Services.GetRequiredService<IBackgroundJobClient>().Create(
            Job.FromExpression<OutboxJob>(job => job.RunAsync(Guid.CreateVersion7(), nameof(TestMessage), CancellationToken.None)),
            new ScheduledState(TimeSpan.FromHours(1)));

    /// <summary>POST jobs-session with this access token (or none).</summary>
    public static async Task<HttpResponseMessage> OpenSessionAsync(this HttpClient client, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SessionPath);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The session cookie a response sets, as the browser reads its <c>Set-Cookie</c>.</summary>
    public static SetCookieHeaderValue SessionCookieOf(HttpResponseMessage response)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        var session = cookies
            .Select(cookie => SetCookieHeaderValue.Parse(cookie))
            .Where(cookie => cookie.Name == JobsSession.CookieName)
            .ToList();
        Assert.That(session, Has.Count.EqualTo(1), $"one {JobsSession.CookieName} cookie among: {string.Join(" | ", cookies)}");
        return session[0];
    }

    /// <summary>A request to the dashboard carrying this session cookie (none when null), as a browser sends it.</summary>
    public static async Task<HttpResponseMessage> GetDashboardAsync(this HttpClient client, string path, string? session)
    {
        using var request = DashboardRequest(HttpMethod.Get, path, session);
        return await client.SendAsync(request);
    }

    /// <summary>A dashboard action (a button) on the session, with the page's anti-forgery token when given.</summary>
    public static async Task<HttpResponseMessage> PostDashboardAsync(this HttpClient client, string path, string session, string? antiforgeryToken)
    {
        using var request = DashboardRequest(HttpMethod.Post, path, session);
        request.Content = new FormUrlEncodedContent([]);
        if (antiforgeryToken is not null)
        {
            request.Headers.Add(JobsDashboardAntiforgery.HeaderName, antiforgeryToken);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The anti-forgery header and token a dashboard page gives its scripts.</summary>
    public static (string? Header, string? Token) AntiforgeryOf(string page) =>
        (CsrfHeader().Match(page) is { Success: true } header ? header.Groups[1].Value : null,
         CsrfToken().Match(page) is { Success: true } token ? token.Groups[1].Value : null);

    private static HttpRequestMessage DashboardRequest(HttpMethod method, string path, string? session)
    {
        var request = new HttpRequestMessage(method, path);
        if (session is not null)
        {
            request.Headers.Add("Cookie", $"{JobsSession.CookieName}={session}");
        }

        return request;
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]*)\">")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]*)\">")]
    private static partial Regex CsrfToken();
}
