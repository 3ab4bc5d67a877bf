using Users.Application.Jobs;

namespace Users.Tests.Jobs;

public sealed class TestMessageHandler(HandledTestMessages handled) : IOutboxMessageHandler<TestMessage>
{
    public const string FailureReason = "The test message's handler failed on purpose";

    public async Task HandleAsync(Guid messageId, TestMessage message, CancellationToken cancellationToken)
    {
        handled.Started(messageId, message.Label);
        if (message.Fails)
        {
            throw new InvalidOperationException($"{FailureReason} ({message.Label}).");
        }

        if (message.Holds)
        {
            await handled.HeldUntilReleasedAsync(message.Label, cancellationToken);
        }

        handled.Finished(message.Label);
    }
}
