using Microsoft.Extensions.Logging;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Recipes;

/// <summary>What a host gives a running recipe: its file, arguments, plugins, logging, progress and
/// cancellation.</summary>
public sealed record RecipeEnvironment
{
    /// <summary>Full path of the recipe file; relative paths in <see cref="RecipeGlobals.Here"/> start from its
    /// folder.</summary>
    public required string RecipePath { get; init; }

    /// <summary>Arguments given after <c>--</c> on the <c>sc2mid run</c> command line.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Folders searched for plugins, in order; by default the bundled <c>plugins/</c> folder.</summary>
    public IReadOnlyList<string> PluginDirectories { get; init; } = [PluginCatalog.DefaultDirectory];

    /// <summary>Plugin builds allowed to load (<c>sc2mid plugins lock</c>), or null to load every valid
    /// plugin.</summary>
    public PluginLock? PluginLock { get; init; }

    /// <summary>Creates the recipe's logger (category <c>recipe</c>) and the plugin catalog's; null logs
    /// nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Receives per-image progress of extractions and the recipe's own reports; may be null.</summary>
    public IProgress<RecipeProgress>? Progress { get; init; }

    /// <summary>Images processed in parallel by each <c>Extract</c> call of the recipe.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Cancels extractions between images and plugins; recipes may check it in their own loops.</summary>
    public CancellationToken CancellationToken { get; init; }
}
