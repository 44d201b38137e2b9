using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;
using SC2Mid.Core.Plugins;
using SC2Mid.Sdk;

namespace SC2Mid.Recipes;

/// <summary>
/// The recipe API: its members are in scope in every <c>.csx</c> file run by <c>sc2mid run</c>, without
/// a prefix. A recipe opens a dataset, runs plugins by id with typed parameters, filters objects, derives
/// features in C#, and writes tables and figures.
/// </summary>
/// <example>
/// <code>
/// var data = OpenDataset(Here("../samples/dataset.csv"));
/// var table = Extract(data, Plugin("shape"), Plugin("glcm").With("levels", 16));
/// table.WriteCsv("results/results.csv");
/// </code>
/// </example>
/// <remarks>
/// Relative paths given to <see cref="OpenDataset"/> and the writers are resolved against the working directory,
/// as on the command line; <see cref="Here"/> resolves them against the recipe's folder instead. The plugin
/// catalog is loaded on first use and disposed with the globals. Not thread-safe: call it from the recipe's thread.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Performance",
    "CA1822:Mark members as static",
    Justification = "The members form the recipe API of one object; making some static would split it for readers.")]
public sealed class RecipeGlobals : IDisposable
{
    private readonly RecipeEnvironment _environment;
    private readonly Lazy<PluginCatalog> _catalog;
    private readonly ILogger _logger;

    /// <summary>Creates the globals of one recipe run.</summary>
    public RecipeGlobals(RecipeEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _logger = environment.LoggerFactory?.CreateLogger("recipe") ?? NullLogger.Instance;
        _catalog = new Lazy<PluginCatalog>(() => PluginCatalog.Load(
            environment.PluginDirectories,
            maxThreads: 1,
            environment.LoggerFactory?.CreateLogger<PluginCatalog>(),
            environment.PluginLock));
    }

    /// <summary>Arguments given after <c>--</c>: <c>sc2mid run paper.csx -- data/ out/</c> gives <c>["data/",
    /// "out/"]</c>.</summary>
    public IReadOnlyList<string> Args => _environment.Args;

    /// <summary>Full path of the recipe file.</summary>
    public string RecipePath => Path.GetFullPath(_environment.RecipePath);

    /// <summary>Full path of the folder that contains the recipe file.</summary>
    public string RecipeDirectory => Path.GetDirectoryName(RecipePath)!;

    /// <summary>Logger of the recipe (category <c>recipe</c>); <c>sc2mid run --log-level</c> sets what is
    /// shown.</summary>
    public ILogger Log => _logger;

    /// <summary>Set when the user cancels the run; check it in long loops of the recipe's own.</summary>
    public CancellationToken CancellationToken => _environment.CancellationToken;

    /// <summary>Ids of the plugins that loaded, in discovery order.</summary>
    public IReadOnlyList<string> Plugins => _catalog.Value.Loaded.Select(entry => entry.Id).ToArray();

    /// <summary>Resolves <paramref name="relativePath"/> against the recipe's folder and returns a full path.</summary>
    public string Here(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return Path.GetFullPath(Path.Combine(RecipeDirectory, relativePath));
    }

    /// <summary>Whether the plugin <paramref name="id"/> is loaded and can run.</summary>
    public bool HasPlugin(string id) => _catalog.Value.Loaded.Any(entry => entry.Id == id);

    /// <summary>
    /// Returns why <paramref name="id"/> cannot run (not found, rejected or failed, with the catalog's reasons and
    /// the loaded ids), or null when it is loaded.
    /// </summary>
    public string? WhyNotLoaded(string id)
    {
        try
        {
            _catalog.Value.Get(id);
            return null;
        }
        catch (KeyNotFoundException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>Reads a dataset: a folder of images and masks, or a CSV manifest with columns
    /// image,mask,nm_per_px.</summary>
    /// <exception cref="DatasetException">The path is missing, empty or invalid; the message names the file and
    /// line.</exception>
    public Dataset OpenDataset(string path)
    {
        var dataset = DatasetReader.Read(path);
        foreach (var warning in dataset.Warnings)
        {
            RecipeLog.DatasetWarning(_logger, dataset.Source, warning);
        }

        return dataset;
    }

    /// <summary>Makes a dataset of one image and its mask (or none), with an optional pixel size in nm/px.</summary>
    /// <exception cref="FileNotFoundException">The image or mask file does not exist.</exception>
    public Dataset OpenImage(string imagePath, string? maskPath, double? nmPerPixel = null)
    {
        var image = RequireFile(imagePath);
        var mask = maskPath is null ? null : RequireFile(maskPath);
        var calibration = nmPerPixel is { } scale ? NmPerPixel(scale) : null;
        return new Dataset(image, [new DatasetItem(Path.GetFileName(image), image, mask, calibration)], []);
    }

    /// <summary>A calibration of <paramref name="nmPerPixel"/> nm per pixel edge, recorded with the source
    /// "recipe".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public Calibration NmPerPixel(double nmPerPixel) => Calibration.FromNmPerPixel(nmPerPixel, "recipe");

    /// <summary>A request to run the plugin <paramref name="id"/>; add parameters with
    /// <see cref="PluginRequest.With"/>.</summary>
    public PluginRequest Plugin(string id) => new(id);

    /// <summary>Runs plugins, given by id with their default parameters, on every image of
    /// <paramref name="dataset"/>.</summary>
    /// <inheritdoc cref="Extract(Dataset, IEnumerable{PluginRequest}, ExtractSettings?)" path="/exception"/>
    public FeatureTable Extract(Dataset dataset, params string[] pluginIds) =>
        Extract(dataset, pluginIds.Select(id => new PluginRequest(id)), settings: null);

    /// <summary>Runs <paramref name="plugins"/> on every image of <paramref name="dataset"/> with default
    /// settings.</summary>
    /// <inheritdoc cref="Extract(Dataset, IEnumerable{PluginRequest}, ExtractSettings?)" path="/exception"/>
    public FeatureTable Extract(Dataset dataset, params PluginRequest[] plugins) =>
        Extract(dataset, plugins, settings: null);

    /// <summary>
    /// Runs <paramref name="plugins"/> on every image of <paramref name="dataset"/>, in parallel, and returns the
    /// table. Plugin ids and parameters are checked before the first image is read. An image or plugin that fails
    /// is recorded in the table (status, failures) and the others go on.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A plugin is not loaded; the message lists the loaded plugins.</exception>
    /// <exception cref="FormatException">
    /// A parameter is undeclared, of the wrong type or out of range; the message lists the valid names or range.
    /// </exception>
    /// <exception cref="ArgumentException">No plugin is given, or the same plugin is given twice.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public FeatureTable Extract(Dataset dataset, IEnumerable<PluginRequest> plugins, ExtractSettings? settings)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(plugins);
        var requests = plugins.ToArray();
        if (requests.Length == 0)
        {
            throw new ArgumentException(
                $"Give at least one plugin; loaded plugins: {string.Join(", ", Plugins)}.", nameof(plugins));
        }

        if (requests.GroupBy(request => request.Id).FirstOrDefault(group => group.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException(
                $"Plugin '{duplicate.Key}' is requested twice; merge its parameters into one request.",
                nameof(plugins));
        }

        var started = DateTimeOffset.UtcNow;
        var options = (settings ?? new ExtractSettings()).ToOptions(requests);
        var extractor = new Extractor(_catalog.Value, options, _logger);
        var described = string.Join(", ", requests.Select(request => request.ToString()));
        RecipeLog.ExtractionStarted(_logger, described, dataset.Items.Count);
        var stopwatch = Stopwatch.StartNew();
        var progress = _environment.Progress is { } sink
            ? new ForwardingProgress(report => sink.Report(new RecipeProgress(
                report.Completed,
                report.Total,
                $"{report.Last.ImageId}: {CsvResultWriter.StatusName(report.Last.Status)}")))
            : null;
        var results = BatchRunner.Run(
            extractor, dataset.Items, Math.Max(1, _environment.Threads), progress, CancellationToken);
        RecipeLog.ExtractionFinished(_logger, dataset.Items.Count, stopwatch.Elapsed.TotalSeconds);
        var run = new RunInfo(RunInfo.CurrentToolVersion, [RecipePath, .. Args], started, DateTimeOffset.UtcNow);
        return new FeatureTable(extractor, run, results, []);
    }

    /// <summary>Creates an empty table with the given columns, to fill with <see cref="TextTable.Add"/>.</summary>
    public TextTable NewTable(params string[] columns) => new(columns);

    /// <summary>Saves an 8- or 16-bit image (1, 3 or 4 channels) as a lossless PNG figure, atomically.</summary>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The image cannot be encoded as PNG.</exception>
    public string SaveFigure(string path, Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var fullPath = Path.GetFullPath(path);
        if (!Cv2.ImEncode(".png", image, out var bytes))
        {
            throw new ArgumentException($"OpenCV could not encode a {image.Type()} image as PNG.", nameof(image));
        }

        AtomicFile.Write(fullPath, stream => stream.Write(bytes));
        return fullPath;
    }

    /// <summary>
    /// Draws a horizontal bar chart (one labelled bar per value, lengths proportional to the absolute values, the
    /// value printed beside each bar) and saves it as PNG, atomically.
    /// </summary>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The label and value counts differ, or there is no value.</exception>
    public string SaveBarChart(string path, string title, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        using var chart = BarChart.Draw(title, labels, values);
        return SaveFigure(path, chart);
    }

    /// <summary>Reports the recipe's own progress, for example one step of a loop over folders.</summary>
    public void Progress(int completed, int total, string message) =>
        _environment.Progress?.Report(new RecipeProgress(completed, total, message));

    /// <summary>Disposes the plugin catalog when it was loaded.</summary>
    public void Dispose()
    {
        if (_catalog.IsValueCreated)
        {
            _catalog.Value.Dispose();
        }
    }

    private static string RequireFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        return File.Exists(fullPath)
            ? fullPath
            : throw new FileNotFoundException($"File not found: {fullPath}", fullPath);
    }

    /// <summary>Reports on the calling thread, so that no report is posted after the extraction returns.</summary>
    private sealed class ForwardingProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        private readonly Lock _lock = new();

        public void Report(BatchProgress value)
        {
            lock (_lock)
            {
                report(value);
            }
        }
    }
}
