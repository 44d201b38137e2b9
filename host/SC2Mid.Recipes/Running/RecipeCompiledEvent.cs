namespace SC2Mid.Recipes.Running;

/// <summary>The recipe is ready to run.</summary>
/// <param name="FromCache">Whether the compiled recipe came from the disk cache (no compilation).</param>
/// <param name="Elapsed">Time spent compiling or reading the cache.</param>
public sealed record RecipeCompiledEvent(bool FromCache, TimeSpan Elapsed) : RecipeEvent;
