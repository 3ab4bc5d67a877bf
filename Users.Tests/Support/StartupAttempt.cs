using Microsoft.AspNetCore.Mvc.Testing;

namespace Users.Tests.Support;

/// <summary>
/// Starting an app: what it threw (null if it started) and everything it
/// said about why, from the exception and its inner ones and from standard error, where Program.cs reports failures.
/// </summary>
public sealed record StartupAttempt(Exception? Failure, string Said)
{
    /// <summary>Starts the app. Standard error is the process's: callers must not run in parallel with each other.</summary>
    public static StartupAttempt Of(WebApplicationFactory<Program> factory)
    {
        var original = Console.Error;
        using var standardError = new StringWriter();
        Console.SetError(standardError);
        try
        {
            factory.CreateClient().Dispose();
            return new StartupAttempt(null, standardError.ToString());
        }
#pragma warning disable CA1031 // Whatever stops the app is the subject of the test.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new StartupAttempt(exception, string.Join(Environment.NewLine, [standardError.ToString(), .. Messages(exception)]));
        }
        finally
        {
            Console.SetError(original);
        }
    }

    /// <summary>Asserts the app did not start and said every one of <paramref name="fragments"/> (a setting, a value).</summary>
    public void AssertRefusedSaying(params string[] fragments)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Failure, Is.Not.Null, "the app started");
            foreach (var fragment in fragments)
            {
                Assert.That(Said, Does.Contain(fragment));
            }
        }
    }

    public void AssertStarted() => Assert.That(Failure, Is.Null, Said);

    private static IEnumerable<string> Messages(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current.Message;
            if (current is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
