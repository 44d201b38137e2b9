namespace SC2Mid.Recipes.Running;

/// <summary>How a recipe run ended.</summary>
public enum RecipeRunStatus
{
    /// <summary>The recipe ran to its end (its exit code may still be one it returned).</summary>
    Succeeded,

    /// <summary>The recipe did not compile; see <see cref="RecipeRunResult.Diagnostics"/>.</summary>
    CompileFailed,

    /// <summary>The recipe threw, or named an unknown plugin or parameter, or an input could not be read.</summary>
    Failed,

    /// <summary>The recipe ran longer than <see cref="RecipeRunOptions.Timeout"/> and its worker was killed.</summary>
    TimedOut,

    /// <summary>The caller cancelled the run and the worker was killed.</summary>
    Cancelled,
}
