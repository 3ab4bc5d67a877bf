using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Npgsql;
using Users.Infrastructure.Persistence;
using Users.Infrastructure.Users;

namespace Users.Infrastructure.Replicas;

/// <summary>
/// Runs a read that may be a little stale (list and search) on the replica while <see cref="ReplicaState"/> says it
/// serves, and on the primary otherwise. A read that fails on the replica is run again on the primary, and the replica
/// is taken out until the monitor finds it serving again: the client sees the primary's answer, never the failure.
/// </summary>
public sealed class ReplicaReads : IDisposable
{
    private readonly PooledDbContextFactory<UsersDbContext>? _replica;
    private readonly string? _replicaConnectionString;
    private readonly CompiledUserQueries _replicaQueries;
    private readonly ReplicaState _state;
    private readonly ReplicaMetrics _metrics;
    private readonly ReplicaMonitor? _monitor;
    private int _poolClearedAfterOutages;

    public ReplicaReads(
        string? replicaConnectionString,
        AutoMapper.IConfigurationProvider mapping,
        ILoggerFactory loggerFactory,
        ReplicaState state,
        ReplicaMetrics metrics,
        ReplicaMonitor? monitor)
    {
        // A compiled query keeps to the model it first ran with, and the replica's contexts have a model of their own.
        _replicaQueries = new CompiledUserQueries(mapping);
        _state = state;
        _metrics = metrics;
        _monitor = monitor;
        if (replicaConnectionString is not null)
        {
            // The primary's options (provider, shaper, warnings) on the replica's connection, logging where the app logs.
            _replicaConnectionString = ReplicaConnectionString.ForReads(replicaConnectionString);
            var options = new DbContextOptionsBuilder<UsersDbContext>().UseLoggerFactory(loggerFactory);
            UsersDbContextOptions.Configure(options, _replicaConnectionString);
            _replica = new PooledDbContextFactory<UsersDbContext>(options.Options);
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the replica when it serves, else (or when that fails) on <paramref name="primary"/>
    /// with <paramref name="primaryQueries"/>.
    /// </summary>
    public async Task<T> ReadAsync<T>(
        UsersDbContext primary,
        CompiledUserQueries primaryQueries,
        Func<UsersDbContext, CompiledUserQueries, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_replica is not null && _state.ServesReads)
        {
            ClearPoolAfterAnOutage();
            try
            {
                T answer;
                await using (var replica = await _replica.CreateDbContextAsync(cancellationToken))
                {
                    answer = await read(replica, _replicaQueries, cancellationToken);
                }

                _metrics.ReadOnReplica();
                return answer;
            }
            catch (Exception exception) when (DatabaseOutageLog.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
            {
                _monitor?.Publish(ReplicaMonitor.Unreachable(exception));
            }
        }

        var fromPrimary = await read(primary, primaryQueries, cancellationToken);
        _metrics.ReadOnPrimary();
        return fromPrimary;
    }

    /// <summary>
    /// Drops the replica's pooled connections once after each outage: a connection pooled before the replica went away
    /// looks open until it is used, and would fail the first reads after the replica is back.
    /// </summary>
    private void ClearPoolAfterAnOutage()
    {
        var outages = _state.Outages;
        if (outages != Volatile.Read(ref _poolClearedAfterOutages) &&
            Interlocked.Exchange(ref _poolClearedAfterOutages, outages) != outages)
        {
            using var connection = new NpgsqlConnection(_replicaConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    public void Dispose() => (_replica as IDisposable)?.Dispose();
}
