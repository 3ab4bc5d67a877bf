using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

/// <summary>
/// The list is one compiled query whose filters are optional: a filter the request leaves out must leave the statement
/// too, not stay as "@p IS NULL OR ...", which would give every list shape one generic plan that fits none of them.
/// </summary>
public sealed class ListStatementTests : DatabaseTest
{
    [Test]
    public async Task A_list_without_filters_sends_no_filter_to_PostgreSQL()
    {
        var statements = await StatementsOfListAsync(new UserListCriteria(Before: null, Take: 21, Search: null, IsActive: null));

        Assert.That(statements, Has.One.Contains("FROM users").And.None.Contains("WHERE"));
    }

    [Test]
    public async Task Each_given_filter_is_sent_as_a_plain_condition_without_a_null_test()
    {
        var statements = await StatementsOfListAsync(new UserListCriteria(Before: Guid.CreateVersion7(), Take: 21, Search: "lovelace", IsActive: true));

        Assert.That(
            statements,
            Has.One.Contains("u.id < @").And.One.Contains("u.is_active = @").And.One.Contains("ILIKE").And.None.Contains("IS NULL"));
    }

    /// <summary>The text of each statement the repository sends for a list.</summary>
    private async Task<IReadOnlyList<string>> StatementsOfListAsync(UserListCriteria criteria)
    {
        var statements = new List<string>();
        var capture = new QueryPlanCapture(sql =>
        {
            statements.Add(sql);
            return false;
        });
        await using var repository = InterceptedUserRepository.Create(Services, capture);

        await repository.Users.ListAsync(criteria, CancellationToken.None);
        return statements;
    }
}
