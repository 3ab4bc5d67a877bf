using System.Diagnostics;

namespace Users.Tests.Support;

/// <summary>Waits on observable state: looks every 50 ms until the condition holds, and fails the test at the deadline.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Reads <paramref name="probe"/> until <paramref name="done"/> says yes, and returns that reading; at the deadline
    /// the failure says what it waited for, what it last saw and what <paramref name="context"/> tells about the state.
    /// </summary>
    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null, Func<string>? context = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var seen = await probe();
            if (done(seen))
            {
                return seen;
            }

            if (elapsed.Elapsed > limit)
            {
                Assert.Fail($"Waited {limit} for {what}; last saw: {seen}. {context?.Invoke()}");
            }

            await Task.Delay(Interval);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), seen => seen, what, timeout);
}
