using Microsoft.Extensions.Logging;

namespace SC2Mid.Ui.Session;

/// <summary>Log messages of the workbench, generated at compile time.</summary>
internal static partial class UiLog
{
    [LoggerMessage(101, LogLevel.Information, "Workbench started on {Dataset} with {Images} images; log file {LogFile}")]
    public static partial void Started(ILogger logger, string dataset, int images, string logFile);

    [LoggerMessage(102, LogLevel.Information, "Workbench stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(103, LogLevel.Information, "Plugins loaded: {Loaded} of {Found} folders in {Seconds:F1} s")]
    public static partial void PluginsLoaded(ILogger logger, int loaded, int found, double seconds);

    [LoggerMessage(104, LogLevel.Error, "Loading the plugins failed")]
    public static partial void PluginsFailed(ILogger logger, Exception exception);

    [LoggerMessage(105, LogLevel.Information, "Extraction started on {Images} images with {Threads} threads")]
    public static partial void ExtractionStarted(ILogger logger, int images, int threads);

    [LoggerMessage(106, LogLevel.Information, "Extraction finished: {Summary}")]
    public static partial void ExtractionFinished(ILogger logger, string summary);

    [LoggerMessage(107, LogLevel.Warning, "Extraction cancelled after {Completed} of {Total} images")]
    public static partial void ExtractionCancelled(ILogger logger, int completed, int total);

    [LoggerMessage(108, LogLevel.Error, "Extraction failed")]
    public static partial void ExtractionFailed(ILogger logger, Exception exception);

    [LoggerMessage(109, LogLevel.Debug, "Image {Image} finished with status {Status}")]
    public static partial void ImageFinished(ILogger logger, string image, string status);

    [LoggerMessage(110, LogLevel.Warning, "Preview of {Image} failed: {Reason}")]
    public static partial void PreviewFailed(ILogger logger, string image, string reason);

    [LoggerMessage(111, LogLevel.Information, "Window resized to {Columns} x {Rows}, below the minimum; showing a notice")]
    public static partial void WindowTooSmall(ILogger logger, int columns, int rows);

    [LoggerMessage(113, LogLevel.Information, "Recipe {Recipe} started on {Dataset}")]
    public static partial void RecipeStarted(ILogger logger, string recipe, string dataset);

    [LoggerMessage(114, LogLevel.Information, "Recipe finished: {Status}, exit code {ExitCode}, {Seconds:F1} s")]
    public static partial void RecipeFinished(ILogger logger, string status, int exitCode, double seconds);

    [LoggerMessage(115, LogLevel.Error, "Recipe could not be run")]
    public static partial void RecipeFailed(ILogger logger, Exception exception);

    [LoggerMessage(116, LogLevel.Information, "Results saved to {Csv} and {Json}")]
    public static partial void ResultsSaved(ILogger logger, string csv, string json);

    [LoggerMessage(117, LogLevel.Error, "Saving the results failed")]
    public static partial void SaveFailed(ILogger logger, Exception exception);

    [LoggerMessage(112, LogLevel.Warning, "Dataset: {Warning}")]
    public static partial void DatasetWarning(ILogger logger, string warning);
}
