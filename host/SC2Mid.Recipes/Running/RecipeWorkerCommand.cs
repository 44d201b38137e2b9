namespace SC2Mid.Recipes.Running;

/// <summary>How to start the <c>sc2mid</c> executable that serves as a recipe worker.</summary>
/// <param name="FileName">Program to start: the <c>sc2mid</c> apphost, or <c>dotnet</c>.</param>
/// <param name="LeadingArguments">Arguments before <c>run</c>: empty for the apphost, the path of <c>sc2mid.dll</c> for
/// <c>dotnet</c>.</param>
public sealed record RecipeWorkerCommand(string FileName, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>Starts <paramref name="path"/>: a <c>.dll</c> through <c>dotnet</c>, any other file directly.</summary>
    public static RecipeWorkerCommand ForExecutable(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        return fullPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new RecipeWorkerCommand("dotnet", [fullPath])
            : new RecipeWorkerCommand(fullPath, []);
    }

    /// <summary>
    /// Starts the program of the current process again, with the same entry assembly when it runs through
    /// <c>dotnet</c>; this is how <c>sc2mid run</c> starts its worker.
    /// </summary>
    /// <exception cref="InvalidOperationException">The current process path or entry assembly is unknown.</exception>
    public static RecipeWorkerCommand CurrentProcess()
    {
        var processPath = Environment.ProcessPath
            ?? throw new InvalidOperationException("The path of the current executable is unknown.");
        if (Path.GetFileNameWithoutExtension(processPath) != "dotnet")
        {
            return new RecipeWorkerCommand(processPath, []);
        }

        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        return string.IsNullOrEmpty(entry)
            ? throw new InvalidOperationException("The entry assembly of the current process is unknown.")
            : new RecipeWorkerCommand(processPath, [entry]);
    }
}
