using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Users.Infrastructure.Persistence;

namespace Users.Infrastructure.Replicas;

/// <summary>
/// Runs a read that may be a little stale (list and search) on the replica while <see cref="ReplicaState"/> says it
/// serves, and on the primary otherwise. A read that fails on the replica is run again on the primary, and the replica
/// is taken out until the monitor finds it serving again: the client sees the primary's answer, never the failure.
/// </summary>
public sealed class ReplicaReads : IDisposable
{
    private readonly PooledDbContextFactory<UsersDbContext>? _replica;
    private readonly ReplicaState _state;
    private readonly ReplicaMetrics _metrics;
    private readonly ReplicaMonitor? _monitor;

    public ReplicaReads(string? replicaConnectionString, ReplicaState state, ReplicaMetrics metrics, ReplicaMonitor? monitor)
    {
        _state = state;
        _metrics = metrics;
        _monitor = monitor;
        if (replicaConnectionString is not null)
        {
            // The primary's options (provider, shaper, warnings) on the replica's connection: the same model, so the
            // compiled queries run on either.
            var options = new DbContextOptionsBuilder<UsersDbContext>();
            UsersDbContextOptions.Configure(options, ReplicaConnectionString.ForReads(replicaConnectionString));
            _replica = new PooledDbContextFactory<UsersDbContext>(options.Options);
        }
    }

    /// <summary>Runs <paramref name="read"/> on the replica when it serves, else (or when that fails) on <paramref name="primary"/>.</summary>
    public async Task<T> ReadAsync<T>(UsersDbContext primary, Func<UsersDbContext, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_replica is not null && _state.ServesReads)
        {
            try
            {
                T answer;
                await using (var replica = await _replica.CreateDbContextAsync(cancellationToken))
                {
                    answer = await read(replica, cancellationToken);
                }

                _metrics.ReadOnReplica();
                return answer;
            }
            catch (Exception exception) when (DatabaseOutageLog.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
            {
                _monitor?.Publish(ReplicaMonitor.Unreachable(exception));
            }
        }

        var fromPrimary = await read(primary, cancellationToken);
        _metrics.ReadOnPrimary();
        return fromPrimary;
    }

    public void Dispose() => (_replica as IDisposable)?.Dispose();
}
