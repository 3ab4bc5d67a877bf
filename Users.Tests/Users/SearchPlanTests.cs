using Microsoft.EntityFrameworkCore;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

/// <summary>
/// The list's search is written in the expressions the trigram indexes are built on, so PostgreSQL can answer it from
/// them. A test table is small enough to be read whole whatever the indexes, so the plan is asked for with the scans
/// that ignore them (sequential, and walking the primary key) switched off for the transaction: what is left is an
/// index that serves the search, or the switched-off scan anyway if none does.
/// </summary>
public sealed class SearchPlanTests : DatabaseTest
{
    [Test]
    public async Task Search_is_answered_from_the_email_and_full_name_trigram_indexes()
    {
        var capture = new QueryPlanCapture(sql => sql.Contains("ILIKE", StringComparison.Ordinal));
        await using var repository = InterceptedUserRepository.Create(Services, capture);
        await using var transaction = await repository.Db.Database.BeginTransactionAsync();
        await repository.Db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off");

        await repository.Users.ListAsync(new UserListCriteria(Before: null, Take: 21, Search: "lovelace", IsActive: null), CancellationToken.None);

        Assert.That(
            capture.Plans,
            Has.One.Contains("Bitmap Index Scan on ix_users_email_trgm").And.One.Contains("Bitmap Index Scan on ix_users_full_name_trgm")
                .And.None.Contains("Seq Scan"));
    }
}
