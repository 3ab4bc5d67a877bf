using Npgsql;
using Users.Api.Logging;
using Users.Infrastructure.Persistence;

// Run with the service's content root (--contentRoot), so this reads the same appsettings files: the same logging
// levels and console formatter, and the same connection string, tuned by the very function the service uses.
var builder = WebApplication.CreateSlimBuilder(args);
var configured = builder.Configuration.GetConnectionString("Users") ?? throw new InvalidOperationException("ConnectionStrings:Users is not set.");
var connectionString = ServiceConnectionString.From(configured);
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RawJsonContext.Default));

var app = builder.Build();
var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RawRead");
var shown = new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
RawLog.Connection(log, shown);

// The service's own request log: one structured line per request, at the level the same settings give it.
app.UseMiddleware<RequestLog>();

// The statement EF Core sends for the service's GET by id, and the same body and ETag.
app.MapGet("/raw/users/{id:guid}", async (Guid id, NpgsqlDataSource db, HttpResponse response, CancellationToken cancellationToken) =>
{
    await using var command = db.CreateCommand(
        "SELECT u.id, u.email, u.full_name, u.is_active, u.email_verified, u.role, u.created_at, u.updated_at, u.xmin FROM users AS u WHERE u.id = $1 LIMIT 1");
    command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    if (!await reader.ReadAsync(cancellationToken))
    {
        return Results.NotFound();
    }

    response.Headers.ETag = $"\"{reader.GetFieldValue<uint>(8)}\"";
    return Results.Json(new RawUser(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)), RawJsonContext.Default.RawUser);
});
app.Run();
