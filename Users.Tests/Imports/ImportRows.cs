using Npgsql;
using Users.Tests.Support;

namespace Users.Tests.Imports;

/// <summary>What the import tables hold, read straight from the test database.</summary>
public static class ImportRows
{
    /// <summary>How many imports and stored rows there are, together: zero when nothing of any import was kept.</summary>
    public static async Task<long> CountAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM user_imports) + (SELECT count(*) FROM user_import_rows)", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Removes an import's stored rows, as the clean-up will once it is old enough.</summary>
    public static async Task RemoveStagedAsync(Guid importId)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var remove = new NpgsqlCommand("DELETE FROM user_import_rows WHERE import_id = $1", connection)
        {
            Parameters = { new() { Value = importId } },
        };
        await remove.ExecuteNonQueryAsync();
    }
}
