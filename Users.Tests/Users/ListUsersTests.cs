using System.Net;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

public sealed class ListUsersTests : DatabaseTest
{
    private static readonly int[] WalkPageSizes = [7, 7, 7, 7, 2];

    // Not base64url; base64url of 2 bytes; base64url of 3 bytes; far longer than any cursor the service issues.
    private static readonly string[] GarbageCursors = ["!!!", "abc", "AQID", new string('A', 500)];

    [Test]
    public async Task List_of_no_users_returns_empty_items_and_null_next_cursor()
    {
        var page = await ListAsync(string.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.Empty);
            Assert.That(page.NextCursor, Is.Null);
        });
    }

    [Test]
    public async Task List_without_limit_returns_20_users_and_a_next_cursor()
    {
        await CreateUsersAsync(21);

        var page = await ListAsync(string.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Has.Count.EqualTo(ListUsersQuery.DefaultLimit));
            Assert.That(page.NextCursor, Is.Not.Null);
        });
    }

    [TestCase(1, 1)]
    [TestCase(100, 3)]
    public async Task List_accepts_limits_at_the_bounds(int limit, int expectedCount)
    {
        await CreateUsersAsync(3);

        var page = await ListAsync($"limit={limit}");

        Assert.That(page.Items, Has.Count.EqualTo(expectedCount));
    }

    [TestCase("0")]
    [TestCase("101")]
    [TestCase("-1")]
    [TestCase("abc")]
    public async Task List_returns_400_with_limit_error_for_a_bad_limit(string limit)
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}?limit={limit}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "limit");
    }

    [TestCaseSource(nameof(GarbageCursors))]
    public async Task List_returns_400_with_cursor_error_for_a_garbage_cursor(string cursor)
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}?cursor={Uri.EscapeDataString(cursor)}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "cursor");
    }

    [Test]
    public async Task List_returns_newest_users_first()
    {
        var created = await CreateUsersAsync(5);

        var page = await ListAsync(string.Empty);

        var ids = page.Items.Select(user => user.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids.Select(id => id.ToString("N")), Is.Ordered.Descending.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(ids, Is.EqualTo(created.Select(user => user.Id).Reverse()));
        });
    }

    [Test]
    public async Task Walking_all_pages_returns_each_user_once_and_ends_with_a_null_cursor()
    {
        var created = await CreateUsersAsync(30);

        var (ids, pages) = await WalkAsync("limit=7");

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Is.EquivalentTo(created.Select(user => user.Id)));
            Assert.That(pages.Select(page => page.Items.Count), Is.EqualTo(WalkPageSizes));
            Assert.That(pages.Take(pages.Count - 1).Select(page => page.NextCursor), Has.None.Null);
            Assert.That(pages[^1].NextCursor, Is.Null);
        });
    }

    [Test]
    public async Task Paging_stays_stable_while_users_are_inserted_between_pages()
    {
        var existing = (await CreateUsersAsync(12)).Select(user => user.Id).ToList();
        var seen = new List<Guid>();
        string? cursor = null;
        var inserted = 0;

        do
        {
            var page = await ListAsync(cursor is null ? "limit=5" : $"limit=5&cursor={Uri.EscapeDataString(cursor)}");
            seen.AddRange(page.Items.Select(user => user.Id));
            cursor = page.NextCursor;
            await Client.CreateUserAsync(email: $"late{inserted++}@example.com", fullName: "Late Comer");
        }
        while (cursor is not null);

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.Unique);
            Assert.That(seen.Where(existing.Contains), Is.EquivalentTo(existing));
        });
    }

    [Test]
    public async Task Search_matches_email_ignoring_case()
    {
        var grace = await Client.CreateUserAsync(email: "Grace.Hopper@Example.com", fullName: "G");
        await Client.CreateUserAsync(email: "ada@example.com", fullName: "A");

        var page = await ListAsync("search=hOPPER@example.COM");

        Assert.That(page.Items.Select(user => user.Id), Is.EqualTo(new[] { grace.User.Id }));
    }

    [Test]
    public async Task Search_matches_full_name_ignoring_case()
    {
        var grace = await Client.CreateUserAsync(email: "g1@example.com", fullName: "Grace Hopper");
        await Client.CreateUserAsync(email: "a1@example.com", fullName: "Ada Lovelace");

        var page = await ListAsync($"search={Uri.EscapeDataString("gRACE hOPPER")}");

        Assert.That(page.Items.Select(user => user.Id), Is.EqualTo(new[] { grace.User.Id }));
    }

    [TestCase("ada%l", "ada%lovelace@x.com")]
    [TestCase("ada_l", "ada_lovelace@x.com")]
    public async Task Search_treats_like_wildcards_literally(string search, string expectedEmail)
    {
        await Client.CreateUserAsync(email: "ada%lovelace@x.com", fullName: "Percent");
        await Client.CreateUserAsync(email: "ada_lovelace@x.com", fullName: "Underscore");
        await Client.CreateUserAsync(email: "adaxlovelace@x.com", fullName: "Plain");

        var page = await ListAsync($"search={Uri.EscapeDataString(search)}");

        Assert.That(page.Items.Select(user => user.Email), Is.EqualTo(new[] { expectedEmail }));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task IsActive_filter_returns_only_users_with_that_flag(bool isActive)
    {
        var active = await Client.CreateUserAsync(email: "on1@example.com", isActive: true);
        var inactive = await Client.CreateUserAsync(email: "off@example.com", isActive: false);
        var alsoActive = await Client.CreateUserAsync(email: "on2@example.com");

        var page = await ListAsync($"isActive={(isActive ? "true" : "false")}");

        var expected = isActive ? new[] { active.User.Id, alsoActive.User.Id } : [inactive.User.Id];
        Assert.That(page.Items.Select(user => user.Id), Is.EquivalentTo(expected));
    }

    [Test]
    public async Task Search_and_paging_together_return_each_match_once()
    {
        var matches = new List<Guid>();
        for (var i = 0; i < 9; i++)
        {
            var user = await Client.CreateUserAsync(email: $"{(i % 2 == 0 ? "match" : "other")}{i}@example.com", fullName: "Someone");
            if (i % 2 == 0)
            {
                matches.Add(user.User.Id);
            }
        }

        var (ids, pages) = await WalkAsync("search=MATCH&limit=2");

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Is.EquivalentTo(matches));
            Assert.That(pages, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task List_returns_400_with_isActive_error_for_a_non_boolean()
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}?isActive=maybe");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "isActive");
    }

    [Test]
    public async Task List_returns_400_for_a_search_with_a_nul_character()
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}?search=a%00b");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "search");
    }

    [Test]
    public async Task List_returns_400_for_a_search_over_200_characters()
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}?search={new string('a', ListUsersQuery.SearchMaxLength + 1)}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "search");
    }

    private async Task<UserPage> ListAsync(string query)
    {
        using var response = await Client.GetAsync($"{UsersClient.Path}?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<UserPage>();
    }

    private async Task<(List<Guid> Ids, List<UserPage> Pages)> WalkAsync(string query)
    {
        var pages = new List<UserPage> { await ListAsync(query) };
        while (pages[^1].NextCursor is { } cursor && pages.Count <= 100)
        {
            pages.Add(await ListAsync($"{query}&cursor={Uri.EscapeDataString(cursor)}"));
        }

        return ([.. pages.SelectMany(page => page.Items).Select(user => user.Id)], pages);
    }

    private async Task<List<UserResponse>> CreateUsersAsync(int count)
    {
        var users = new List<UserResponse>();
        for (var i = 0; i < count; i++)
        {
            users.Add((await Client.CreateUserAsync(email: $"user{i}@example.com", fullName: $"User {i}")).User);
        }

        return users;
    }
}
