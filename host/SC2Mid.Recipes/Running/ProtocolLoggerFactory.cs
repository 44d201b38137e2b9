using Microsoft.Extensions.Logging;

namespace SC2Mid.Recipes.Running;

/// <summary>A logger factory whose loggers send each message at or above a level as a protocol event.</summary>
internal sealed class ProtocolLoggerFactory(LogLevel minimum, Action<RecipeEvent> send) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new ProtocolLogger(categoryName, minimum, send);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("Recipe workers send log messages to their parent only.");

    public void Dispose()
    {
    }

    private sealed class ProtocolLogger(string category, LogLevel minimum, Action<RecipeEvent> send) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                send(new RecipeLogEvent(logLevel, category, formatter(state, exception), exception?.ToString()));
            }
        }
    }
}
