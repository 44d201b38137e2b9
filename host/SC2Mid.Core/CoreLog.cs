using Microsoft.Extensions.Logging;

namespace SC2Mid.Core;

/// <summary>Log messages of the core, generated at compile time so that disabled levels cost nothing.</summary>
internal static partial class CoreLog
{
    [LoggerMessage(1, LogLevel.Information, "Loaded plugin {Plugin} {Version} from {Directory}")]
    public static partial void PluginLoaded(ILogger logger, string plugin, string version, string directory);

    [LoggerMessage(2, LogLevel.Warning, "Plugin folder {Directory} was not loaded ({Status}): {Errors}")]
    public static partial void PluginNotLoaded(ILogger logger, string directory, string status, string errors);

    [LoggerMessage(3, LogLevel.Warning, "Plugin folder {Directory} does not exist; skipped")]
    public static partial void PluginRootMissing(ILogger logger, string directory);

    [LoggerMessage(4, LogLevel.Debug, "Extracting {Plugin} for {Image} object {Object}")]
    public static partial void Extracting(ILogger logger, string plugin, string image, int @object);

    [LoggerMessage(5, LogLevel.Error, "Plugin {Plugin} failed on {Image} object {Object}")]
    public static partial void PluginFailed(ILogger logger, Exception exception, string plugin, string image, int @object);

    [LoggerMessage(6, LogLevel.Error, "Image {Image} could not be processed: {Reason}")]
    public static partial void ImageFailed(ILogger logger, string image, string reason);

    [LoggerMessage(7, LogLevel.Warning, "{Image}: {Warning}")]
    public static partial void ImageWarning(ILogger logger, string image, string warning);
}
