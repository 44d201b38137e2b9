using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Imaging;
using SC2Mid.Core.Output;
using SC2Mid.Core.Plugins;
using SC2Mid.Recipes.Running;

namespace SC2Mid.Ui.Session;

/// <summary>
/// What the workbench works on: the dataset, the plugin catalog (loaded in the background), the latest batch
/// results and the logger. Members that do long work are meant to be called off the UI thread.
/// </summary>
internal sealed class WorkbenchSession : IDisposable
{
    private readonly IReadOnlyList<string> _pluginRoots;
    private readonly RecipeWorkerCommand? _recipeWorker;
    private volatile PluginCatalog? _catalog;
    private volatile CompletedExtraction? _lastExtraction;

    /// <summary>Creates a session; call <see cref="LoadPlugins"/> before extracting.</summary>
    /// <param name="dataset">The dataset shown in the browser.</param>
    /// <param name="options">Plugin folders (searched in order), the recipe file and the recipe worker.</param>
    /// <param name="loggerFactory">Creates the session's loggers; owned by the caller.</param>
    public WorkbenchSession(Dataset dataset, WorkbenchOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Dataset = dataset;
        _pluginRoots = options.PluginRoots;
        _recipeWorker = options.RecipeWorker;
        RecipeFile = Path.GetFullPath(options.RecipeFile ?? WorkbenchOptions.DefaultRecipeFile);
        LoggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger("sc2mid.ui");
    }

    /// <summary>Full path of the recipe file shown in the editor.</summary>
    public string RecipeFile { get; }

    /// <summary>The dataset shown in the browser.</summary>
    public Dataset Dataset { get; }

    /// <summary>Creates loggers for the session's parts.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The workbench's own logger.</summary>
    public ILogger Logger { get; }

    /// <summary>The plugin catalog, or null until <see cref="LoadPlugins"/> has finished.</summary>
    public PluginCatalog? Catalog => _catalog;

    /// <summary>Image decoding options shared by previews and extraction.</summary>
    public ImageLoadOptions LoadOptions { get; } = new();

    /// <summary>
    /// Images processed at once: half the processor count, at least 1, so the UI thread keeps a core.
    /// </summary>
    public static int ExtractionThreads => Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Loads the plugin catalog. Slow (plugins may load native libraries), so call it off the UI thread.</summary>
    public PluginCatalog LoadPlugins()
    {
        var stopwatch = Stopwatch.StartNew();
        var catalog = PluginCatalog.Load(_pluginRoots, 1, LoggerFactory.CreateLogger<PluginCatalog>());
        _catalog = catalog;
        UiLog.PluginsLoaded(Logger, catalog.Loaded.Count(), catalog.Entries.Count, stopwatch.Elapsed.TotalSeconds);
        return catalog;
    }

    /// <summary>Runs every loaded plugin on every image of the dataset. Call it off the UI thread.</summary>
    /// <param name="progress">Receives one report per finished image, from worker threads.</param>
    /// <param name="cancellationToken">Stops the run; images not yet started are skipped.</param>
    /// <exception cref="InvalidOperationException">The plugins are not loaded yet.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public IReadOnlyList<ImageResult> Extract(IProgress<BatchProgress> progress, CancellationToken cancellationToken)
    {
        var catalog = _catalog ?? throw new InvalidOperationException("The plugins are still loading; try again shortly.");
        var extractor = new Extractor(catalog, new ExtractionOptions { Load = LoadOptions }, Logger);
        UiLog.ExtractionStarted(Logger, Dataset.Items.Count, ExtractionThreads);
        var started = DateTimeOffset.UtcNow;
        var results = BatchRunner.Run(extractor, Dataset.Items, ExtractionThreads, progress, cancellationToken);
        _lastExtraction = new CompletedExtraction(extractor, results, started, DateTimeOffset.UtcNow);
        return results;
    }

    /// <summary>Whether an extraction has finished, so that <see cref="SaveResults"/> has something to write.</summary>
    public bool HasResults => _lastExtraction is not null;

    /// <summary>
    /// Writes the results of the last finished extraction as <c>results.csv</c> and <c>results.json</c>, the files
    /// <c>sc2mid batch</c> writes, into a new folder named after the current UTC time under
    /// <paramref name="resultsFolder"/>.
    /// </summary>
    /// <returns>The paths of the CSV and JSON files.</returns>
    /// <exception cref="InvalidOperationException">No extraction has finished yet.</exception>
    /// <exception cref="IOException">A folder or file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder or file is not writable.</exception>
    public (string Csv, string Json) SaveResults(string resultsFolder)
    {
        var extraction = _lastExtraction
            ?? throw new InvalidOperationException("No extraction has finished yet; press Ctrl+E first.");
        var folder = Path.Combine(
            Path.GetFullPath(resultsFolder),
            DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var csv = Path.Combine(folder, "results.csv");
        var json = Path.Combine(folder, "results.json");
        var run = new RunInfo(
            RunInfo.CurrentToolVersion, Environment.GetCommandLineArgs(), extraction.Started, extraction.Finished);
        CsvResultWriter.Write(csv, extraction.Extractor.Features.ToArray(), extraction.Results);
        JsonResultWriter.Write(json, run, extraction.Extractor, extraction.Results);
        UiLog.ResultsSaved(Logger, csv, json);
        return (csv, json);
    }

    /// <summary>
    /// Compiles and runs the recipe file in a worker process with the session's plugin folders, passing the
    /// dataset's path as the recipe's first argument.
    /// </summary>
    /// <param name="events">Receives what the worker reports, from a background thread.</param>
    /// <param name="cancellationToken">Kills the worker; the result's status is then cancelled.</param>
    /// <exception cref="InvalidOperationException">No worker was given and the current process is unknown.</exception>
    /// <exception cref="System.ComponentModel.Win32Exception">The worker could not be started.</exception>
    public Task<RecipeRunResult> RunRecipeAsync(IProgress<RecipeEvent> events, CancellationToken cancellationToken)
    {
        var runner = new RecipeRunner(new RecipeRunOptions
        {
            Worker = _recipeWorker ?? RecipeWorkerCommand.CurrentProcess(),
            PluginDirectories = _pluginRoots,
            LogLevel = LogLevel.Information,
            Threads = ExtractionThreads,
        });
        UiLog.RecipeStarted(Logger, RecipeFile, Dataset.Source);
        return runner.RunAsync(RecipeFile, [Dataset.Source], events, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _catalog?.Dispose();

    /// <summary>An extraction that ran to its end, kept for saving its results with their provenance.</summary>
    private sealed record CompletedExtraction(
        Extractor Extractor,
        IReadOnlyList<ImageResult> Results,
        DateTimeOffset Started,
        DateTimeOffset Finished);
}
