using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Users.Tests.Idempotency;

/// <summary>
/// Holds the start of the answer to a request that carries <see cref="Header"/> until the test releases it: the moment
/// after the server has committed and before the client has heard anything, when a cut connection loses the answer.
/// </summary>
public sealed class HeldResponses : IStartupFilter
{
    public const string Header = "X-Test-Hold-Response";

    private static readonly TimeSpan MostAHoldLasts = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a held answer is about to start.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.Remove(Header))
            {
                context.Response.OnStarting(async () =>
                {
                    _reached.TrySetResult();
                    await _released.Task.WaitAsync(MostAHoldLasts);
                });
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
