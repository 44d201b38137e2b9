using Microsoft.Extensions.Logging;

namespace SC2Mid.Recipes.Running;

/// <summary>A log message of the recipe, the extraction or the plugin catalog.</summary>
/// <param name="Level">Severity.</param>
/// <param name="Category">Logger category, for example <c>recipe</c>.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception's type, message and stack trace, or null.</param>
public sealed record RecipeLogEvent(LogLevel Level, string Category, string Message, string? Exception) : RecipeEvent;
