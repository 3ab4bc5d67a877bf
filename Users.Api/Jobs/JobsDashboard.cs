using Hangfire;

namespace Users.Api.Jobs;

/// <summary>
/// Hangfire's dashboard at <see cref="Path"/>, for admins (<see cref="JobsDashboardAuthorization"/>): queues, servers,
/// and every job's state and history, failed jobs with their exceptions, and buttons to retry or delete them. Every node
/// serves it, whatever its <c>Jobs:Role</c>: it reads and changes Hangfire's storage, which all nodes share, so an
/// <c>Api</c> node shows the jobs its workers run. It is HTML for browsers, not part of the API and its document.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/jobs";

    public const string Title = "Users jobs";

    private static readonly object RefusalKey = new();

    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        var options = new DashboardOptions
        {
            DashboardTitle = Title,
            AppPath = "/",
            DisplayStorageConnectionString = false,
            // Instead of Hangfire's default, which admits local requests only, whoever they are.
            Authorization = [],
            AsyncAuthorization = [new JobsDashboardAuthorization()],
            // Only admins get this far, and they may retry and delete jobs.
            IsReadOnlyFunc = _ => false,
        };
        return endpoints.MapHangfireDashboard(Path, options).ExcludeFromDescription();
    }

    /// <summary>Keeps why the dashboard refused the request, for the problem that answers it.</summary>
    public static void RecordRefusal(HttpContext context, string detail) => context.Items[RefusalKey] = detail;

    /// <summary>Why the dashboard refused the request, if it did.</summary>
    public static string? RefusalOf(HttpContext context) => context.Items.TryGetValue(RefusalKey, out var detail) ? detail as string : null;
}
