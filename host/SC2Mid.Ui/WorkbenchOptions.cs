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

    /// <summary>Lowest level written to the log file and the log pane.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>
    /// The default log file: <c>sc2mid/ui.log</c> under the local application data folder
    /// (<c>$XDG_DATA_HOME</c>, or <c>~/.local/share</c> on Linux).
    /// </summary>
    public static string DefaultLogFile => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "sc2mid",
        "ui.log");
}
