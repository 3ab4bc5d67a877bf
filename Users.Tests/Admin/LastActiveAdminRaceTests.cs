using System.Net;
using Users.Tests.Support;

namespace Users.Tests.Admin;

/// <summary>
/// Two admins removing each other at the same moment: the rule holds under concurrency (the active admins are
/// locked while it is checked), so exactly one request wins and one active admin remains. Each repetition starts
/// from fresh tables.
/// </summary>
public sealed class LastActiveAdminRaceTests : DatabaseTest
{
    private const int Rounds = 6;

    [Test]
    [Repeat(Rounds)]
    public async Task Two_admins_demoting_each_other_at_once_leave_exactly_one_active_admin()
    {
        using var first = await App.SignInAsAdminAsync("first@example.com");
        using var second = await App.SignInAsAdminAsync("second@example.com");
        await WarmUpAsync(first, second);

        var answers = await Task.WhenAll(
            first.Client.PatchUserAsync(second.Id, new { role = "user" }),
            second.Client.PatchUserAsync(first.Id, new { role = "user" }));

        await AssertOneWinsAsync(answers, first, second);
    }

    [Test]
    [Repeat(Rounds)]
    public async Task An_admin_deleting_another_while_that_one_deactivates_the_first_leaves_exactly_one_active_admin()
    {
        using var first = await App.SignInAsAdminAsync("first@example.com");
        using var second = await App.SignInAsAdminAsync("second@example.com");
        await WarmUpAsync(first, second);

        var answers = await Task.WhenAll(
            first.Client.DeleteUserAsync(second.Id),
            second.Client.PatchUserAsync(first.Id, new { isActive = false }));

        await AssertOneWinsAsync(answers, first, second);
    }

    /// <summary>One request per client first, so connections and token checks are warm and the two race for real.</summary>
    private static async Task WarmUpAsync(params SignedInUser[] admins)
    {
        foreach (var admin in admins)
        {
            using var me = await admin.Client.GetAsync($"{UsersClient.Path}/{admin.Id}");
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    /// <summary>The first answer is the first admin's request, which leaves the first admin; the second, the second's.</summary>
    private async Task AssertOneWinsAsync(HttpResponseMessage[] answers, SignedInUser first, SignedInUser second)
    {
        try
        {
            var statuses = string.Join(", ", answers.Select(answer => answer.StatusCode));
            Assert.That(answers.Count(answer => answer.IsSuccessStatusCode), Is.EqualTo(1), $"exactly one request wins; the answers were {statuses}");
            var winner = answers.Single(answer => answer.IsSuccessStatusCode);
            var loser = answers.Single(answer => !answer.IsSuccessStatusCode);
            var problem = await ProblemAssert.IsProblemAsync(loser, HttpStatusCode.Conflict);
            var survivor = winner == answers[0] ? first.Id : second.Id;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(problem.Detail, Is.EqualTo(AdminRemovals.LastAdminDetail));
                Assert.That(await Client.ActiveAdminIdsAsync(), Is.EqualTo(new[] { survivor }));
            }
        }
        finally
        {
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
    }
}
