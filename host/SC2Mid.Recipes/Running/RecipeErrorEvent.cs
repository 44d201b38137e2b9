namespace SC2Mid.Recipes.Running;

/// <summary>The recipe stopped with an error.</summary>
/// <param name="ExitCode">The matching <see cref="RecipeExitCodes"/> value.</param>
/// <param name="Message">What failed, on which value or recipe line, and what would work.</param>
public sealed record RecipeErrorEvent(int ExitCode, string Message) : RecipeEvent;
