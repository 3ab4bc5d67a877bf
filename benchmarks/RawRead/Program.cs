using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(
    builder.Configuration.GetConnectionString("Users") ?? throw new InvalidOperationException("ConnectionStrings:Users is not set.")));
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RawJsonContext.Default));

var app = builder.Build();
app.MapGet("/raw/users/{id:guid}", async (Guid id, NpgsqlDataSource db, HttpResponse response, CancellationToken cancellationToken) =>
{
    await using var command = db.CreateCommand(
        "SELECT id, email, full_name, is_active, role, created_at, updated_at, xmin FROM users WHERE id = $1");
    command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    if (!await reader.ReadAsync(cancellationToken))
    {
        return Results.NotFound();
    }

    response.Headers.ETag = $"\"{reader.GetFieldValue<uint>(7)}\"";
    return Results.Json(new RawUser(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)), RawJsonContext.Default.RawUser);
});
app.Run();
