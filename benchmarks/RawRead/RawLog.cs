internal static partial class RawLog
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Database connection settings: {ConnectionSettings}")]
    public static partial void Connection(ILogger logger, string connectionSettings);
}
