using Users.Application.Accounts;

namespace Users.Tests.Accounts;

/// <summary>
/// The real hasher, which can hold one check of a password open until the test lets it go: the moment a sign-in has
/// read the account but not yet saved its token, when a concurrent change can land.
/// </summary>
public sealed class PausingPasswordHasher(IPasswordHasher inner) : IPasswordHasher, IDisposable
{
    private static readonly TimeSpan MostAPauseLasts = TimeSpan.FromSeconds(30);

    private readonly ManualResetEventSlim _released = new(initialState: true);
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pauseNext;

    /// <summary>Completes when the paused check has begun.</summary>
    public Task Entered => _entered.Task;

    /// <summary>The next password check stops half-way until <see cref="Release"/>.</summary>
    public void PauseNextCheck()
    {
        _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _released.Reset();
        Volatile.Write(ref _pauseNext, 1);
    }

    public void Release() => _released.Set();

    public string Hash(string password) => inner.Hash(password);

    public PasswordCheck Verify(string passwordHash, string password)
    {
        var check = inner.Verify(passwordHash, password);
        if (Interlocked.Exchange(ref _pauseNext, 0) == 1)
        {
            _entered.TrySetResult();

            // Blocking is the point: the sign-in is stuck inside its (synchronous) hash check.
            _released.Wait(MostAPauseLasts);
        }

        return check;
    }

    public void VerifyNothing(string password) => inner.VerifyNothing(password);

    public void Dispose() => _released.Dispose();
}
