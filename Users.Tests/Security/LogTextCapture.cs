using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Users.Tests.Security;

/// <summary>
/// Keeps the text of everything the app logs: each message as its formatter writes it, and the exception with it, the
/// way a plain-text sink would store it.
/// </summary>
public sealed class LogTextCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _texts = new();

    public IReadOnlyCollection<string> Texts => _texts;

    public ILogger CreateLogger(string categoryName) => new TextLogger(this);

    public void Dispose()
    {
    }

    private sealed class TextLogger(LogTextCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            capture._texts.Enqueue(formatter(state, exception));
            if (exception is not null)
            {
                capture._texts.Enqueue(exception.ToString());
            }
        }
    }
}
