using Microsoft.Extensions.Logging;

namespace SC2Mid.Ui;

/// <summary>What <see cref="Workbench.Run"/> opens and where it logs.</summary>
public sealed record WorkbenchOptions
{
    /// <summary>Dataset folder or CSV manifest, or null for the bundled sample (see <see cref="SampleLocator"/>).</summary>
    public string? Dataset { get; init; }

    /// <summary>Plugin folders searched in order; by default the bundled <c>plugins/</c> beside the binaries.</summary>
    public IReadOnlyList<string> PluginRoots { get; init; } = [Core.Plugins.PluginCatalog.DefaultDirectory];

    /// <summary>Log file, appended to; null for <see cref="DefaultLogFile"/>.</summary>
    public string? LogFile { get; init; }

    /// <summary>Recipe file shown in the editor; null for <see cref="DefaultRecipeFile"/>, created on first use.</summary>
    public string? RecipeFile { get; init; }

    /// <summary>
    /// The <c>sc2mid</c> executable that runs recipes in worker processes; null for the current process, which is
    /// <c>sc2mid</c> itself when the workbench was started by <c>sc2mid ui</c>.
    /// </summary>
    public Recipes.Running.RecipeWorkerCommand? RecipeWorker { get; init; }

    /// <summary>
    /// Folder under which Ctrl+S on the Results page writes each save into a new time-stamped folder; by default
    /// <c>results/workbench</c> in the current directory.
    /// </summary>
    public string ResultsFolder { get; init; } = Path.Combine("results", "workbench");

    /// <summary>Lowest level written to the log file and the log pane.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>
    /// The default log file: <c>sc2mid/ui.log</c> under the local application data folder
    /// (<c>$XDG_DATA_HOME</c>, or <c>~/.local/share</c> on Linux).
    /// </summary>
    public static string DefaultLogFile => Path.Combine(DataFolder, "ui.log");

    /// <summary>The default recipe file: <c>sc2mid/workbench.csx</c> in the same folder as the log.</summary>
    public static string DefaultRecipeFile => Path.Combine(DataFolder, "workbench.csx");

    private static string DataFolder => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "sc2mid");
}
