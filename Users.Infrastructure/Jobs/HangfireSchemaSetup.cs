using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Jobs;

/// <summary>
/// Prepares Hangfire's schema as the node starts (<see cref="HangfireSchema"/>), before its job server and outbox
/// dispatcher run. A database that cannot be reached does not stop the start, as it does not stop the API (which
/// answers 503 meanwhile): the schema is prepared in the background once it can be, and the dispatcher waits for it.
/// Any other failure (e.g. no right to create the schema) stops the service, naming the setting.
/// </summary>
public sealed class HangfireSchemaSetup(
    IOptions<JobsOptions> jobs, IOptions<DatabaseOptions> database, DatabaseOutageLog databaseOutage, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the rest starts: the job server starts only once the app has, so it finds the tables in place.
        await TryPrepareAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        while (!_ready.Task.IsCompleted)
        {
            await Task.Delay(delay, clock, stoppingToken);
            await TryPrepareAsync(stoppingToken);
            delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
        }
    }

    private async Task TryPrepareAsync(CancellationToken cancellationToken)
    {
        var schema = jobs.Value.Schema;
        try
        {
            await HangfireSchema.PrepareAsync(JobsConnectionString.From(database.Value.ConnectionString!), schema, cancellationToken);
            _ready.TrySetResult();
        }
        catch (NpgsqlException exception) when (exception.IsTransient)
        {
            databaseOutage.Report($"Preparing Hangfire's schema '{schema}' (jobs wait until it is ready)", exception);
        }
        catch (NpgsqlException exception)
        {
            throw new InvalidOperationException(
                $"Hangfire's schema '{schema}' ({JobsOptions.Section}:{nameof(JobsOptions.Schema)}) could not be prepared in the database " +
                $"of ConnectionStrings:{DatabaseOptions.ConnectionStringName}: {exception.Message}",
                exception);
        }
    }
}
