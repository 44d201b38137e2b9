using Microsoft.Extensions.Logging;
using SC2Mid.Core.Plugins;
using SC2Mid.Recipes.Compilation;

namespace SC2Mid.Recipes.Running;

/// <summary>How <see cref="RecipeRunner"/> starts workers and how long a recipe may run.</summary>
public sealed record RecipeRunOptions
{
    /// <summary>The <c>sc2mid</c> executable that runs each recipe in its own process.</summary>
    public required RecipeWorkerCommand Worker { get; init; }

    /// <summary>Folder of compiled recipes, or null to compile every time and cache nothing.</summary>
    public string? CacheDirectory { get; init; } = RecipeCompiler.DefaultCacheDirectory;

    /// <summary>Folders searched for plugins, in order; by default the worker's bundled <c>plugins/</c>
    /// folder.</summary>
    public IReadOnlyList<string> PluginDirectories { get; init; } = [];

    /// <summary>Lock file (<c>sc2mid plugins lock</c>) that limits the plugins the worker loads, or null.</summary>
    public string? PluginLockPath { get; init; }

    /// <summary>Lowest level of log messages the worker sends.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Images processed in parallel by the recipe's extractions.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Longest time a recipe may run, compilation included, before its worker is killed; null for no
    /// limit.</summary>
    public TimeSpan? Timeout { get; init; }

    internal IEnumerable<string> WorkerArguments(string recipePath, IReadOnlyList<string> args)
    {
        foreach (var argument in Worker.LeadingArguments)
        {
            yield return argument;
        }

        yield return "run";
        yield return Path.GetFullPath(recipePath);
        yield return "--worker";
        yield return "--log-level";
        yield return LogLevel.ToString();
        yield return "--threads";
        yield return Threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--cache-dir";
        yield return CacheDirectory ?? string.Empty;
        foreach (var directory in PluginDirectories.Where(d => d != PluginCatalog.DefaultDirectory))
        {
            yield return "--plugins";
            yield return Path.GetFullPath(directory);
        }

        if (PluginLockPath is not null)
        {
            yield return "--plugin-lock";
            yield return Path.GetFullPath(PluginLockPath);
        }

        yield return "--";
        foreach (var argument in args)
        {
            yield return argument;
        }
    }
}
