using SC2Mid.Recipes.Compilation;

namespace SC2Mid.Recipes.Running;

/// <summary>A compiler error or warning, with file, 1-based line and column.</summary>
/// <param name="Diagnostic">The diagnostic.</param>
public sealed record RecipeDiagnosticEvent(RecipeDiagnostic Diagnostic) : RecipeEvent;
