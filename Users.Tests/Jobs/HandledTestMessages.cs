using System.Collections.Concurrent;

namespace Users.Tests.Jobs;

/// <summary>
/// What <see cref="TestMessageHandler"/> did, by label: one app's record, or several apps' when a test gives them one
/// instance. Labels are unique per test, so a job left over from an earlier test cannot be mistaken for one of its own.
/// </summary>
public sealed class HandledTestMessages
{
    private readonly ConcurrentDictionary<string, int> _started = new();
    private readonly ConcurrentDictionary<string, int> _finished = new();
    private readonly ConcurrentDictionary<string, Guid> _ids = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    /// <summary>How often a handler began on the message, including attempts that failed.</summary>
    public int StartedCount(string label) => _started.GetValueOrDefault(label);

    /// <summary>How often a handler got through the message.</summary>
    public int FinishedCount(string label) => _finished.GetValueOrDefault(label);

    /// <summary>The outbox message id of the label, once a handler saw it.</summary>
    public Guid? IdOf(string label) => _ids.TryGetValue(label, out var id) ? id : null;

    /// <summary>Lets the handlers of these <see cref="TestMessage.Holds"/> messages go on, now and later.</summary>
    public void Release(params IEnumerable<string> labels)
    {
        foreach (var label in labels)
        {
            Gate(label).TrySetResult();
        }
    }

    /// <summary>Lets every handler held now go on: for a test that ends, however it ends, leaving no worker busy.</summary>
    public void ReleaseAll() => Release(_gates.Keys);

    internal void Started(Guid messageId, string label)
    {
        _ids[label] = messageId;
        _started.AddOrUpdate(label, 1, (_, count) => count + 1);
    }

    internal void Finished(string label) => _finished.AddOrUpdate(label, 1, (_, count) => count + 1);

    internal Task HeldUntilReleasedAsync(string label, CancellationToken cancellationToken) => Gate(label).Task.WaitAsync(cancellationToken);

    private TaskCompletionSource Gate(string label) => _gates.GetOrAdd(label, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
