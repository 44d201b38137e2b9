using SC2Mid.Recipes.Compilation;

namespace SC2Mid.Recipes.Running;

/// <summary>The outcome of one recipe run in a worker process.</summary>
/// <param name="Status">How the run ended.</param>
/// <param name="ExitCode">The worker's exit code, or <see cref="RecipeExitCodes.TimedOut"/> or
/// <see cref="RecipeExitCodes.Cancelled"/>.</param>
/// <param name="Diagnostics">Compiler errors and warnings, with file, line and column.</param>
/// <param name="FromCache">Whether the compiled recipe came from the cache; null when compilation did not
/// finish.</param>
/// <param name="CompileTime">Time spent compiling or reading the cache; null when compilation did not finish.</param>
/// <param name="Elapsed">Wall-clock time from starting the worker to its exit.</param>
/// <param name="ErrorMessage">What failed, when the status is not <see cref="RecipeRunStatus.Succeeded"/>.</param>
public sealed record RecipeRunResult(
    RecipeRunStatus Status,
    int ExitCode,
    IReadOnlyList<RecipeDiagnostic> Diagnostics,
    bool? FromCache,
    TimeSpan? CompileTime,
    TimeSpan Elapsed,
    string? ErrorMessage);
