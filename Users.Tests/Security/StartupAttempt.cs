using Microsoft.AspNetCore.Mvc.Testing;

namespace Users.Tests.Security;

/// <summary>
/// What happened when a test app was started: what it threw (null if it started), and everything it said about it, in
/// the exception and its inner exceptions and on standard error (where Program.cs reports start-up failures).
/// </summary>
public sealed record StartupAttempt(Exception? Failure, string Said)
{
    public static StartupAttempt Of<TFactory>(TFactory factory)
        where TFactory : WebApplicationFactory<Program>
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

    /// <summary>The messages of an exception and of every exception inside it.</summary>
    private static IEnumerable<string> Messages(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current.Message;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } cause)
            {
                pending.Push(cause);
            }
        }
    }
}
