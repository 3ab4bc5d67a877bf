using Users.Tests.Support;

namespace Users.Tests.Admin;

/// <summary>The three ways an account stops being an active admin: deactivation, demotion and deletion.</summary>
public static class AdminRemovals
{
    public const string LastAdminDetail = "This is the last active admin; make another user an active admin first.";

    public static IEnumerable<TestCaseData> All()
    {
        yield return Case("deactivate", (client, id) => client.PatchUserAsync(id, new { isActive = false }));
        yield return Case("demote", (client, id) => client.PatchUserAsync(id, new { role = "user" }));
        yield return Case("rename_and_demote", (client, id) => client.PatchUserAsync(id, new { fullName = "Renamed", role = "user" }));
        yield return Case("delete", (client, id) => client.DeleteUserAsync(id));
    }

    private static TestCaseData Case(string name, Func<HttpClient, Guid, Task<HttpResponseMessage>> removal) =>
        new TestCaseData(removal).SetArgDisplayNames(name);
}
