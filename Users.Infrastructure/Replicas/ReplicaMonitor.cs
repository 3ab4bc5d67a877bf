using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Replicas;

/// <summary>
/// Measures the replica every <c>Database:ReplicaCheckInterval</c>: the primary's WAL position, then the replica's
/// replay position (<see cref="UnreplayedWal"/> turns the two into time), and publishes the outcome in
/// <see cref="ReplicaState"/>. A change of condition is logged once (a warning when the replica stops serving), not
/// every second.
/// </summary>
public sealed partial class ReplicaMonitor(
    IOptions<DatabaseOptions> options, ReplicaState state, ILogger<ReplicaMonitor> logger) : BackgroundService
{
    private readonly UnreplayedWal _unreplayed = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var database = options.Value;
        await using var primary = NpgsqlDataSource.Create(ReplicaConnectionString.ForChecks(database.ConnectionString!));
        await using var replica = NpgsqlDataSource.Create(ReplicaConnectionString.ForChecks(database.ReplicaConnectionString!));

        // Real time, not the app's clock: lag is about the servers, and tests that move the app's clock must not move it.
        using var timer = new PeriodicTimer(database.ReplicaCheckInterval);
        try
        {
            do
            {
                var status = await MeasureAsync(primary, replica, database.MaxReplicaLag, stoppingToken);
                Publish(status);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Records <paramref name="status"/>, and logs it when the replica's condition changed.</summary>
    public void Publish(ReplicaStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var previous = state.Set(status);
        if (previous.Condition == status.Condition)
        {
            return;
        }

        var description = status.Description;
        if (status.Condition == ReplicaCondition.Serving)
        {
            LogServing(description);
        }
        else if (previous.Condition == ReplicaCondition.Serving || previous.Condition == ReplicaCondition.Unknown)
        {
            LogNotServing(description);
        }
        else
        {
            LogStillNotServing(description);
        }
    }

    private async Task<ReplicaStatus> MeasureAsync(
        NpgsqlDataSource primary, NpgsqlDataSource replica, TimeSpan maxLag, CancellationToken cancellationToken)
    {
        var primaryReachable = await SamplePrimaryAsync(primary, cancellationToken);
        try
        {
            await using var command = replica.CreateCommand(
                "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn(), pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn()");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var inRecovery = reader.GetBoolean(0);
            if (!inRecovery || await reader.IsDBNullAsync(1, cancellationToken))
            {
                _unreplayed.Clear();
                return new ReplicaStatus(ReplicaCondition.Behind, null, "The replica is not a standby (promoted?): list and search read from the primary.");
            }

            var replayed = reader.GetFieldValue<NpgsqlLogSequenceNumber>(1);
            var replayedAllReceived = reader.GetBoolean(2);
            var lag = _unreplayed.LagAt(replayed, DateTimeOffset.UtcNow);
            if (!primaryReachable && !replayedAllReceived)
            {
                return new ReplicaStatus(ReplicaCondition.Behind, null, "The primary cannot be asked its WAL position and the replica is still replaying: its lag is unknown.");
            }

            var shown = $"{lag.TotalSeconds:0.000} s";
            return lag <= maxLag
                ? new ReplicaStatus(ReplicaCondition.Serving, lag, $"The replica serves list and search reads; lag {shown}.")
                : new ReplicaStatus(ReplicaCondition.Behind, lag, $"The replica is {shown} behind, over Database:MaxReplicaLag ({maxLag}): list and search read from the primary.");
        }
        catch (Exception exception) when (DatabaseOutageLog.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            return Unreachable(exception);
        }
    }

    /// <summary>The status after a failed connection or query to the replica.</summary>
    public static ReplicaStatus Unreachable(Exception exception) =>
        new(ReplicaCondition.Unreachable, null, $"The replica cannot be reached ({DatabaseOutageLog.CauseOf(exception)}): list and search read from the primary.");

    private async Task<bool> SamplePrimaryAsync(NpgsqlDataSource primary, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = primary.CreateCommand("SELECT pg_current_wal_insert_lsn()");
            var position = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellationToken))!;
            _unreplayed.PrimaryAt(position, DateTimeOffset.UtcNow);
            return true;
        }
        catch (Exception exception) when (DatabaseOutageLog.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            // The primary's own outage is reported by its readiness check and requests; here it only means no sample.
            return false;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Description}")]
    private partial void LogServing(string description);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Description}")]
    private partial void LogNotServing(string description);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Description}")]
    private partial void LogStillNotServing(string description);
}
