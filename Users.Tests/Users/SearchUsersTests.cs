using System.Net;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

/// <summary>
/// search over HTTP: a substring of the email or the full name, ignoring case, with the isActive filter; and the terms
/// the trigram indexes cannot narrow down, refused before they reach the database.
/// </summary>
public sealed class SearchUsersTests : DatabaseTest
{
    [TestCase("ad")]
    [TestCase("a")]
    [TestCase("a.b")]
    [TestCase("ad lo")]
    [TestCase("%%%")]
    [TestCase("   ")]
    [TestCase("")]
    public async Task Search_without_3_letters_or_digits_in_a_row_is_a_400_naming_search_and_the_minimum(string search)
    {
        await Client.CreateUserAsync(email: "ada@example.com", fullName: "Ada Lovelace");

        using var response = await Client.GetAsync($"{UsersClient.Path}?search={Uri.EscapeDataString(search)}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "search");
        Assert.That(problem.Errors!["search"], Has.One.Contains($"at least {ListUsersQuery.SearchMinRun} letters or digits in a row"));
    }

    [Test]
    public async Task Search_of_3_letters_finds_them_at_the_start_middle_or_end_of_an_email_or_a_full_name()
    {
        var byEmailStart = await Client.CreateUserAsync(email: "ada@example.com", fullName: "Countess");
        var byEmailMiddle = await Client.CreateUserAsync(email: "rob.adams@example.com", fullName: "Rob");
        var byNameEnd = await Client.CreateUserAsync(email: "n1@example.com", fullName: "Ramada");
        var byName = await Client.CreateUserAsync(email: "n2@example.com", fullName: "Lovelace, Ada");
        await Client.CreateUserAsync(email: "grace@example.com", fullName: "Grace Hopper");

        var page = await ListAsync("search=ada");

        Assert.That(
            page.Items.Select(user => user.Id),
            Is.EquivalentTo(new[] { byEmailStart.User.Id, byEmailMiddle.User.Id, byNameEnd.User.Id, byName.User.Id }));
    }

    [Test]
    public async Task Search_matches_across_punctuation_and_spaces_ignoring_case()
    {
        var grace = await Client.CreateUserAsync(email: "G.Hopper@Navy.mil", fullName: "Grace Brewster Hopper");
        await Client.CreateUserAsync(email: "hopper@example.com", fullName: "Edward Hopper");

        var byName = await ListAsync($"search={Uri.EscapeDataString("RACE brew")}");
        var byEmail = await ListAsync($"search={Uri.EscapeDataString("pER@nAVY")}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byName.Items.Select(user => user.Id), Is.EqualTo(new[] { grace.User.Id }));
            Assert.That(byEmail.Items.Select(user => user.Id), Is.EqualTo(new[] { grace.User.Id }));
        }
    }

    [Test]
    public async Task Search_ignores_spaces_around_the_term()
    {
        var ada = await Client.CreateUserAsync(email: "ada@example.com", fullName: "Ada Lovelace");

        var page = await ListAsync($"search={Uri.EscapeDataString("  lovelace ")}");

        Assert.That(page.Items.Select(user => user.Id), Is.EqualTo(new[] { ada.User.Id }));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Search_with_isActive_returns_only_the_matches_with_that_flag(bool isActive)
    {
        var activeByEmail = await Client.CreateUserAsync(email: "smith.j@example.com", fullName: "J", isActive: true);
        var activeByName = await Client.CreateUserAsync(email: "a1@example.com", fullName: "Ann SMITHSON", isActive: true);
        var inactiveByEmail = await Client.CreateUserAsync(email: "xsmith@example.com", fullName: "X", isActive: false);
        var inactiveByName = await Client.CreateUserAsync(email: "a2@example.com", fullName: "Goldsmith", isActive: false);
        await Client.CreateUserAsync(email: "jones@example.com", fullName: "Jones", isActive: true);
        await Client.CreateUserAsync(email: "brown@example.com", fullName: "Brown", isActive: false);

        var page = await ListAsync($"search=Smith&isActive={(isActive ? "true" : "false")}");

        var expected = isActive
            ? new[] { activeByName.User.Id, activeByEmail.User.Id }
            : [inactiveByName.User.Id, inactiveByEmail.User.Id];
        Assert.That(page.Items.Select(user => user.Id), Is.EqualTo(expected), "the matches with that flag, newest first");
    }

    [Test]
    public async Task Search_with_isActive_pages_through_every_match_once()
    {
        var matches = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var user = await Client.CreateUserAsync(email: $"user{i}@example.com", fullName: i % 3 == 0 ? "Hopper" : "Lovelace", isActive: i % 2 == 0);
            if (i % 3 != 0 && i % 2 == 0)
            {
                matches.Add(user.User.Id);
            }
        }

        var first = await ListAsync("search=lovelace&isActive=true&limit=1");
        var second = await ListAsync($"search=lovelace&isActive=true&limit=1&cursor={Uri.EscapeDataString(first.NextCursor!)}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Items.Concat(second.Items).Select(user => user.Id), Is.EqualTo(Enumerable.Reverse(matches)));
            Assert.That(second.NextCursor, Is.Null);
        }
    }

    private async Task<UserPage> ListAsync(string query)
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<UserPage>();
    }
}
