namespace SC2Mid.Recipes.Running;

/// <summary>
/// Exit codes of <c>sc2mid run</c> and of recipe worker processes. Codes 0 to 4 and 130 mean what they mean for
/// the other <c>sc2mid</c> commands; a recipe that returns an <c>int</c> exits with that value instead of 0.
/// </summary>
public static class RecipeExitCodes
{
    /// <summary>The recipe ran to its end.</summary>
    public const int Success = 0;

    /// <summary>The recipe did not compile (diagnostics as <c>file:line:column</c>), or named an unknown plugin or
    /// parameter.</summary>
    public const int UsageError = 2;

    /// <summary>The recipe file, a dataset, image or mask could not be read, or an output could not be
    /// written.</summary>
    public const int InputError = 3;

    /// <summary>The recipe threw an exception; the message names the recipe line.</summary>
    public const int RecipeFailed = 5;

    /// <summary>The recipe ran longer than <c>--timeout</c> and its worker process was killed (as GNU
    /// <c>timeout</c>).</summary>
    public const int TimedOut = 124;

    /// <summary>The run was cancelled (Ctrl+C) and the worker process was killed.</summary>
    public const int Cancelled = 130;

    /// <summary>Help text for these exit codes.</summary>
    public const string Description =
        "Exit codes: 0 success (or the int the recipe returns); 2 compile error, unknown plugin or parameter; "
        + "3 unreadable recipe, dataset or image, or unwritable output; 5 the recipe threw an exception; "
        + "124 timed out; 130 cancelled.";
}
