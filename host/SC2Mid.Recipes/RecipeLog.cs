using Microsoft.Extensions.Logging;

namespace SC2Mid.Recipes;

/// <summary>Log messages of recipes and their runner, generated at compile time.</summary>
internal static partial class RecipeLog
{
    [LoggerMessage(101, LogLevel.Warning, "Dataset {Dataset}: {Warning}")]
    public static partial void DatasetWarning(ILogger logger, string dataset, string warning);

    [LoggerMessage(102, LogLevel.Information, "Extracting {Plugins} from {Images} image(s)")]
    public static partial void ExtractionStarted(ILogger logger, string plugins, int images);

    [LoggerMessage(103, LogLevel.Information, "Extracted {Images} image(s) in {Seconds:F1} s")]
    public static partial void ExtractionFinished(ILogger logger, int images, double seconds);
}
