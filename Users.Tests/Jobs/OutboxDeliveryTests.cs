using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Users.Application.Common;
using Users.Application.Errors;
using Users.Application.Jobs;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Tests.Support;

namespace Users.Tests.Jobs;

/// <summary>
/// The outbox on the shared test app: a message exists if and only if the change it was staged with committed, is
/// handled once, and a handler that keeps failing ends in Hangfire's Failed state.
/// </summary>
public sealed class OutboxDeliveryTests : DatabaseTest
{
    [Test]
    public async Task Message_staged_with_a_committed_change_is_handled_exactly_once()
    {
        var label = Label();

        await using (var scope = App.Services.CreateAsyncScope())
        {
            Stage(scope.ServiceProvider, "ada@example.com", label);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        }

        var id = await Poll.UntilAsync(() => Task.FromResult(App.Handled().IdOf(label)), seen => seen is not null, "the message to be handled");
        await App.WaitForJobAsync(id!.Value, SucceededState.StateName);
        var message = await App.OutboxMessageAsync(id.Value);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(App.Handled().StartedCount(label), Is.EqualTo(1));
            Assert.That(App.Handled().FinishedCount(label), Is.EqualTo(1));
            Assert.That(message!.ProcessedAt, Is.Not.Null);
            Assert.That(App.SucceededJobCount(), Is.EqualTo(1));
            Assert.That(App.UnfinishedJobCount(), Is.Zero);
        }
    }

    [Test]
    public async Task Change_rolled_back_by_an_exception_stages_and_enqueues_nothing()
    {
        var rolledBack = Label();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            Task Abandoned() => unitOfWork.InTransactionAsync<int>(
                async token =>
                {
                    Stage(scope.ServiceProvider, "ada@example.com", rolledBack);
                    await unitOfWork.SaveChangesAsync(token);
                    throw new InvalidOperationException("The change is abandoned after it was saved.");
                },
                CancellationToken.None);

            Assert.That(Abandoned, Throws.InvalidOperationException);
        }

        await AssertOnlyTheNextCommitIsHandledAsync(rolledBack);
    }

    [Test]
    public async Task Change_refused_by_a_unique_index_stages_and_enqueues_nothing()
    {
        var refused = Label();
        await App.SignInAsync(email: "ada@example.com");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Stage(scope.ServiceProvider, "ADA@example.com", refused);

            Assert.That(
                () => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None),
                Throws.TypeOf<EmailTakenException>());
        }

        await AssertOnlyTheNextCommitIsHandledAsync(refused);
    }

    [Test]
    public async Task Failing_message_is_retried_then_left_failed_with_its_reason_and_holds_up_no_other()
    {
        var failing = Label();
        var failingId = await App.StageOneAsync(new TestMessage(failing, Fails: true));
        await Poll.UntilAsync(() => App.Handled().StartedCount(failing) >= 1, "the failing message's first attempt");

        var other = Label();
        var otherId = await App.StageOneAsync(new TestMessage(other));
        await App.WaitForJobAsync(otherId, SucceededState.StateName);
        var (_, failed) = await App.WaitForJobAsync(failingId, FailedState.StateName);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(App.Handled().FinishedCount(other), Is.EqualTo(1));
            Assert.That(App.Handled().StartedCount(failing), Is.EqualTo(1 + RetryAttempts), "the first attempt and every retry");
            Assert.That(failed.Data["ExceptionType"], Is.EqualTo(typeof(InvalidOperationException).FullName));
            Assert.That(failed.Data["ExceptionMessage"], Does.Contain(TestMessageHandler.FailureReason));
            Assert.That((await App.OutboxMessageAsync(failingId))!.ProcessedAt, Is.Null);
        }
    }

    private static int RetryAttempts => int.Parse(TestSettings.Defaults["Jobs:RetryAttempts"]!, System.Globalization.CultureInfo.InvariantCulture);

    private static string Label() => $"{TestContext.CurrentContext.Test.Name}-{Guid.NewGuid():N}";

    /// <summary>A new user and a message, staged together on the scope's unit of work.</summary>
    private static void Stage(IServiceProvider scope, string email, string label)
    {
        scope.GetRequiredService<IUserRepository>().Add(User.Create(email, "Ada Lovelace", isActive: true, UserRole.User, DateTimeOffset.UtcNow));
        scope.GetRequiredService<IOutbox>().Add(new TestMessage(label));
    }

    /// <summary>
    /// A message committed after the refused change is handled; by then the dispatcher has drained the outbox past where
    /// the refused message would be, so had it been staged it would have a job too.
    /// </summary>
    private static async Task AssertOnlyTheNextCommitIsHandledAsync(string refused)
    {
        var next = Label();
        var nextId = await App.StageOneAsync(new TestMessage(next));
        await App.WaitForJobAsync(nextId, SucceededState.StateName);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await App.OutboxCountAsync(), Is.EqualTo(1), "only the later message is in the outbox");
            Assert.That(App.Handled().StartedCount(refused), Is.Zero);
            Assert.That(App.SucceededJobCount(), Is.EqualTo(1));
            Assert.That(App.UnfinishedJobCount(), Is.Zero);
        }
    }
}
