namespace SC2Mid.Recipes.Compilation;

/// <summary>The outcome of compiling a recipe: its diagnostics and, when there was no error, the assembly.</summary>
/// <param name="Assembly">The compiled recipe, or null when <paramref name="Diagnostics"/> contains an error.</param>
/// <param name="Diagnostics">Errors and warnings with file, 1-based line and column; empty on a cache hit.</param>
/// <param name="FromCache">Whether the assembly was read from the disk cache instead of being compiled.</param>
/// <param name="Elapsed">Time spent hashing, compiling or reading the cache.</param>
public sealed record RecipeCompileResult(
    RecipeAssembly? Assembly,
    IReadOnlyList<RecipeDiagnostic> Diagnostics,
    bool FromCache,
    TimeSpan Elapsed)
{
    /// <summary>Whether the recipe compiled (or came from the cache) and can run.</summary>
    public bool Succeeded => Assembly is not null;
}
