using System.CommandLine;
using Microsoft.Extensions.Logging;
using SC2Mid.Core.Plugins;
using SC2Mid.Ui.Startup;

namespace SC2Mid.Ui;

/// <summary>The <c>sc2mid ui</c> command, and the workbench as what <c>sc2mid</c> does without a command.</summary>
public static class UiCommand
{
    /// <summary>Adds <c>ui [DATASET]</c> to <paramref name="root"/> and gives the root command an action.</summary>
    /// <remarks>
    /// In an interactive terminal, <c>sc2mid</c> without a command opens the workbench on the bundled sample.
    /// Elsewhere (scripts, pipes, CI) a missing command stays an error with exit code 2, as before. The root's
    /// <c>--plugins</c> and <c>--log-level</c> options, when present, apply to the workbench too.
    /// </remarks>
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var plugins = root.Options.OfType<Option<string[]>>().FirstOrDefault(option => option.Name == "--plugins");
        var logLevel = root.Options.OfType<Option<LogLevel>>().FirstOrDefault(option => option.Name == "--log-level");
        var dataset = new Argument<string?>("DATASET")
        {
            Description = "Folder of images with masks, or a CSV manifest with columns image,mask,nm_per_px "
                + $"(default: the bundled {SampleLocator.RelativePath}, searched above the binaries and the current directory).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var logFile = new Option<string?>("--log-file")
        {
            Description = $"File the workbench appends its log to (default: {WorkbenchOptions.DefaultLogFile}).",
        };
        var recipe = new Option<string?>("--recipe")
        {
            Description = "Recipe file (.csx) opened in the recipe editor, created from a starter recipe when missing "
                + $"(default: {WorkbenchOptions.DefaultRecipeFile}).",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Folder under which Ctrl+S on the Results page saves results.csv and results.json, each save "
                + "in a new folder named by UTC time (default: results/workbench in the current directory).",
        };
        var command = new Command(
            "ui",
            "Open the terminal workbench: dataset browser with image and mask preview, plugin browser, recipe editor, "
            + "results table with histograms and a log pane. Needs an interactive terminal; F1 lists the keys.")
        {
            dataset,
            logFile,
            recipe,
            output,
        };
        command.SetAction(parse => Workbench.Run(
            Options(parse, plugins, logLevel) with
            {
                Dataset = parse.GetValue(dataset),
                LogFile = parse.GetValue(logFile),
                RecipeFile = parse.GetValue(recipe),
                ResultsFolder = parse.GetValue(output) ?? Path.Combine("results", "workbench"),
            },
            Console.Error));
        root.Subcommands.Add(command);

        root.SetAction(parse =>
        {
            if (TerminalCheck.FindReason(TerminalFacts.Current()) is not null)
            {
                Console.Error.WriteLine("error: Required command was not provided.");
                Console.Error.WriteLine("Run 'sc2mid --help' for usage.");
                return Workbench.NoTerminalExitCode;
            }

            return Workbench.Run(Options(parse, plugins, logLevel), Console.Error);
        });
    }

    private static WorkbenchOptions Options(ParseResult parse, Option<string[]>? plugins, Option<LogLevel>? logLevel)
    {
        var level = logLevel is null ? LogLevel.Information : parse.GetValue(logLevel);
        return new WorkbenchOptions
        {
            PluginRoots = [PluginCatalog.DefaultDirectory, .. plugins is null ? [] : parse.GetValue(plugins) ?? []],

            // --log-level sets what the other commands write to standard error (Warning by default). The
            // workbench's file and pane also keep lifecycle messages, unless a lower level is requested.
            LogLevel = level < LogLevel.Information ? level : LogLevel.Information,
        };
    }
}
