using Users.Application.Accounts;

namespace Users.Tests.Accounts;

/// <summary>
/// The real hasher, which can hold one check of a password open until the test lets it go: the moment a sign-in has
/// read the account but not yet saved its token, when a concurrent change can land. It can hold one hashing of a new
/// password likewise: a create or sign-up half-way through.
/// </summary>
public sealed class PausingPasswordHasher(IPasswordHasher inner) : IPasswordHasher, IDisposable
{
    private static readonly TimeSpan MostAPauseLasts = TimeSpan.FromSeconds(30);

    private readonly ManualResetEventSlim _released = new(initialState: true);
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pauseNext;
    private int _pauseNextHash;

    /// <summary>Completes when the paused check has begun.</summary>
    public Task Entered => _entered.Task;

    /// <summary>The next password check stops half-way until <see cref="Release"/>.</summary>
    public void PauseNextCheck()
    {
        _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _released.Reset();
        Volatile.Write(ref _pauseNext, 1);
    }

    /// <summary>The next hashing of a password stops half-way until <see cref="Release"/>.</summary>
    public void PauseNextHash()
    {
        _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _released.Reset();
        Volatile.Write(ref _pauseNextHash, 1);
    }

    public void Release() => _released.Set();

    public string Hash(string password)
    {
        var hash = inner.Hash(password);
        PauseIfAsked(ref _pauseNextHash);
        return hash;
    }

    public PasswordCheck Verify(string passwordHash, string password)
    {
        var check = inner.Verify(passwordHash, password);
        PauseIfAsked(ref _pauseNext);
        return check;
    }

    public void VerifyNothing(string password) => inner.VerifyNothing(password);

    public void Dispose() => _released.Dispose();

    private void PauseIfAsked(ref int pause)
    {
        if (Interlocked.Exchange(ref pause, 0) == 1)
        {
            _entered.TrySetResult();

            // Blocking is the point: the request is stuck inside its (synchronous) hash check.
            _released.Wait(MostAPauseLasts);
        }
    }
}
