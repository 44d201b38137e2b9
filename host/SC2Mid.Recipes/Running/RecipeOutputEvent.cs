namespace SC2Mid.Recipes.Running;

/// <summary>A line the recipe or its worker process wrote to standard output or standard error.</summary>
/// <param name="Text">The line, without its line break.</param>
/// <param name="IsError">Whether it came from standard error.</param>
public sealed record RecipeOutputEvent(string Text, bool IsError) : RecipeEvent;
