using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SC2Mid.Ui.Logging;

/// <summary>
/// Writes log messages to a file and to a <see cref="LogBuffer"/> for the log pane, and never to the console, which
/// the workbench owns while it runs.
/// </summary>
internal sealed class WorkbenchLoggerProvider : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly StreamWriter _file;
    private readonly LogBuffer _buffer;
    private readonly LogLevel _minimum;

    /// <summary>Opens <paramref name="logFile"/> for appending, creating its folder when missing.</summary>
    /// <exception cref="IOException">The file could not be created or opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file is not writable.</exception>
    public WorkbenchLoggerProvider(string logFile, LogBuffer buffer, LogLevel minimum)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        _file = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            AutoFlush = true,
        };
        _buffer = buffer;
        _minimum = minimum;
        LogFile = Path.GetFullPath(logFile);
    }

    /// <summary>Full path of the log file.</summary>
    public string LogFile { get; }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new WorkbenchLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _file.Dispose();
        }
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var time = DateTimeOffset.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var line = $"{time} {LevelName(level)} {category}: {message}";
        _buffer.Append(exception is null ? line : $"{line} ({exception.GetType().Name}: {exception.Message})");
        lock (_lock)
        {
            try
            {
                _file.WriteLine(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + line);
                if (exception is not null)
                {
                    _file.WriteLine(exception.ToString());
                }
            }
            catch (Exception writeError) when (writeError is IOException or ObjectDisposedException)
            {
                // A full disk or a late message after shutdown must not take the UI down; the pane still has it.
            }
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private sealed class WorkbenchLogger(WorkbenchLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider._minimum;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
