using Microsoft.Extensions.Logging;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Recipes.Running;

/// <summary>What a worker runs: the recipe, its arguments, the cache, plugins, log level and threads.</summary>
public sealed record RecipeWorkerRequest
{
    /// <summary>Path of the recipe file.</summary>
    public required string RecipePath { get; init; }

    /// <summary>Arguments the recipe reads as <see cref="RecipeGlobals.Args"/>.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Folder of compiled recipes, or null to compile every time and cache nothing.</summary>
    public string? CacheDirectory { get; init; } = Compilation.RecipeCompiler.DefaultCacheDirectory;

    /// <summary>Folders searched for plugins, in order.</summary>
    public IReadOnlyList<string> PluginDirectories { get; init; } = [PluginCatalog.DefaultDirectory];

    /// <summary>Plugin builds allowed to load, or null to load every valid plugin.</summary>
    public PluginLock? PluginLock { get; init; }

    /// <summary>Lowest level of log messages sent to the parent.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Images processed in parallel by the recipe's extractions.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
