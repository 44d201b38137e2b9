using Microsoft.Extensions.Logging;
using SC2Mid.Ui.Logging;

namespace SC2Mid.Ui.Tests.Logging;

public sealed class WorkbenchLoggerProviderTests : IDisposable
{
    private static readonly Action<ILogger, string, Exception?> DiskSlow =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(1), "disk {Name} is slow");

    private static readonly Action<ILogger, Exception?> BelowMinimum =
        LoggerMessage.Define(LogLevel.Debug, new EventId(2), "below the minimum");

    private static readonly Action<ILogger, Exception?> Failed =
        LoggerMessage.Define(LogLevel.Error, new EventId(3), "failed");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sc2mid-ui-log-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Log_Message_GoesToFileAndBuffer()
    {
        var buffer = new LogBuffer();
        var file = Path.Combine(_folder, "nested", "ui.log");
        using (var provider = new WorkbenchLoggerProvider(file, buffer, LogLevel.Information))
        {
            var logger = provider.CreateLogger("test");
            DiskSlow(logger, "sda", null);
            BelowMinimum(logger, null);
        }

        var lines = buffer.ReadSince(0).Lines;
        Assert.Single(lines);
        Assert.Contains("warn test: disk sda is slow", lines[0], StringComparison.Ordinal);
        Assert.Contains("warn test: disk sda is slow", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_Exception_FileKeepsStackTrace()
    {
        var buffer = new LogBuffer();
        var file = Path.Combine(_folder, "ui.log");
        using (var provider = new WorkbenchLoggerProvider(file, buffer, LogLevel.Information))
        {
            Failed(provider.CreateLogger("test"), new InvalidOperationException("boom"));
        }

        Assert.Contains("(InvalidOperationException: boom)", buffer.ReadSince(0).Lines[0], StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: boom", File.ReadAllText(file), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
