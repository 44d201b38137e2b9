using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Imaging;
using SC2Mid.Core.Output;
using SC2Mid.Core.Scaling;
using SC2Mid.Core.Plugins;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Extraction;

/// <summary>
/// Runs the selected plugins on every object of one image and converts their values to calibrated units.
/// Thread-safe: one extractor serves all images of a batch.
/// </summary>
public sealed class Extractor
{
    private readonly IReadOnlyList<BoundPlugin> _plugins;
    private readonly ExtractionOptions _options;
    private readonly ImageLoader _loader;
    private readonly ILogger _logger;

    /// <summary>Selects the plugins and binds their parameters.</summary>
    /// <exception cref="KeyNotFoundException">A requested plugin is not loaded; the message lists the loaded ones.</exception>
    /// <exception cref="FormatException">A parameter override is undeclared, mistyped or out of range.</exception>
    public Extractor(PluginCatalog catalog, ExtractionOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _loader = new ImageLoader(options.Load);
        var selected = options.PluginIds?.Select(catalog.Get).ToArray() ?? catalog.Loaded.ToArray();
        foreach (var pluginId in options.Overrides.Keys.Where(id => selected.All(entry => entry.Id != id)))
        {
            throw new FormatException(
                $"--set names plugin '{pluginId}', which is not selected (or has no such id); selected plugins: "
                + string.Join(", ", selected.Select(entry => entry.Id)) + ".");
        }

        _plugins = selected
            .Select(entry => BoundPlugin.Bind(
                entry,
                options.Overrides.GetValueOrDefault(entry.Id) ?? new Dictionary<string, string>()))
            .ToArray();
    }

    /// <summary>The plugins that run, in output order, with their bound parameters and features.</summary>
    public IReadOnlyList<BoundPlugin> Plugins => _plugins;

    /// <summary>Every feature this extractor produces, in output order.</summary>
    public IEnumerable<FeatureDescriptor> Features => _plugins.SelectMany(bound => bound.Features);

    /// <summary>Extracts one image. Input and plugin failures are recorded in the result rather than thrown.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ImageResult Extract(DatasetItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var warnings = new List<string>();
        LoadedImage image;
        try
        {
            image = _loader.LoadImage(item.ImagePath);
        }
        catch (ImageLoadException exception)
        {
            var calibration = _options.Calibration.CommandLine ?? item.Calibration ?? Calibration.None;
            return InputFailure(item, calibration, exception.Message);
        }

        using (image)
        {
            warnings.AddRange(image.Warnings);
            var calibration = ResolveCalibration(item, image, warnings);
            var result = new ImageResult
            {
                ImageId = item.ImageId,
                ImagePath = item.ImagePath,
                MaskPath = item.MaskPath,
                ImageSha256 = image.Sha256,
                Width = image.Grey.Width,
                Height = image.Grey.Height,
                BitDepth = image.BitDepth,
                GreyConversion = image.GreyConversion,
                Calibration = calibration,
                Status = ImageStatus.NoMask,
                Warnings = warnings,
            };
            if (item.MaskPath is null)
            {
                warnings.Add("The image has no ground-truth mask, so no object features were computed.");
                return result;
            }

            return ExtractWithMask(item, item.MaskPath, image, result, cancellationToken);
        }
    }

    private ImageResult ExtractWithMask(
        DatasetItem item,
        string maskPath,
        LoadedImage image,
        ImageResult result,
        CancellationToken cancellationToken)
    {
        LoadedMask mask;
        try
        {
            mask = _loader.LoadMask(maskPath, image.Grey.Size());
        }
        catch (ImageLoadException exception)
        {
            return InputFailure(item, result.Calibration, exception.Message) with { ImageSha256 = image.Sha256 };
        }

        using (mask)
        {
            var warnings = new List<string>(result.Warnings);
            warnings.AddRange(mask.Warnings);
            var failures = new List<Failure>();
            var artifacts = new ConcurrentQueue<ArtifactRecord>();
            var outcome = new Outcome(failures, warnings, artifacts);
            var objects = ExtractObjects(item, image, mask, result.Calibration, outcome, cancellationToken);
            if (objects.Count == 0)
            {
                warnings.Add("The mask has no foreground pixel, so there is no object to measure.");
            }

            foreach (var warning in warnings)
            {
                CoreLog.ImageWarning(_logger, item.ImageId, warning);
            }

            return result with
            {
                MaskSha256 = mask.Sha256,
                MaskRule = mask.ForegroundRule,
                Status = objects.Count == 0
                    ? ImageStatus.NoObjects
                    : failures.Count == 0 ? ImageStatus.Ok : ImageStatus.Partial,
                Objects = objects,
                Failures = failures,
                Artifacts = [.. artifacts],
                Warnings = warnings,
            };
        }
    }

    private List<ObjectResult> ExtractObjects(
        DatasetItem item,
        LoadedImage image,
        LoadedMask mask,
        Calibration calibration,
        Outcome outcome,
        CancellationToken cancellationToken)
    {
        var objects = ObjectSplitter.Split(mask.Mask, _options.Objects, _options.Connectivity);
        var results = new List<ObjectResult>(objects.Count);
        try
        {
            for (var index = 0; index < objects.Count; index++)
            {
                var objectId = index + 1;
                var (objectMask, box, count) = objects[index];
                var sample = new Sample(
                    item.ImageId, objectId, image.Grey, image.Original, image.BitDepth, objectMask, calibration);
                if (_options.CropsFolder is { } crops)
                {
                    foreach (var record in CropWriter.Save(
                        crops, item.ImageId, objectId, image.Original, objectMask, box, _options.CropMargin))
                    {
                        outcome.Artifacts.Enqueue(record);
                    }
                }

                var features = new List<FeatureResult>();
                foreach (var bound in _plugins)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    features.AddRange(RunPlugin(bound, sample, outcome, cancellationToken));
                }

                results.Add(new ObjectResult(objectId, box, count, features));
            }
        }
        finally
        {
            foreach (var (objectMask, _, _) in objects)
            {
                objectMask.Dispose();
            }
        }

        return results;
    }

    private IEnumerable<FeatureResult> RunPlugin(
        BoundPlugin bound,
        Sample sample,
        Outcome outcome,
        CancellationToken cancellationToken)
    {
        var plugin = bound.Plugin;
        CoreLog.Extracting(_logger, plugin.Id, sample.ImageId, sample.ObjectId);
        var artifacts = _options.ArtifactsFolder is { } folder
            ? new FolderArtifactSink(folder, sample.ImageId, sample.ObjectId, plugin.Id, outcome.Artifacts)
            : null;
        var context = new ExtractionContext(bound.Parameters, artifacts, _options.Figures, cancellationToken);
        FeatureSet set;
        try
        {
            set = _options.PluginTimeout is { } timeout
                ? ExtractWithTimeout(plugin, sample, context, timeout, cancellationToken)
                : plugin.Instance!.Extract(sample, context);
        }
        catch (TimeoutException exception)
        {
            CoreLog.PluginFailed(_logger, exception, plugin.Id, sample.ImageId, sample.ObjectId);
            outcome.Failures.Add(new Failure(FailureKind.Timeout, exception.Message, plugin.Id, sample.ObjectId));
            return bound.Features.Select(descriptor => new FeatureResult(descriptor, null, null, exception.Message));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A plugin fault must not stop the other plugins or images, so it is recorded and its values are null.
            CoreLog.PluginFailed(_logger, exception, plugin.Id, sample.ImageId, sample.ObjectId);
            var message = $"Plugin '{plugin.Id}' failed on object {sample.ObjectId}: "
                + $"{exception.GetType().Name}: {exception.Message}";
            outcome.Failures.Add(new Failure(FailureKind.Plugin, message, plugin.Id, sample.ObjectId));
            return bound.Features.Select(descriptor => new FeatureResult(
                descriptor, null, null, $"The plugin failed: {exception.Message}"));
        }

        var prefix = $"{plugin.Id}, object {sample.ObjectId}: ";
        outcome.Warnings.AddRange(set.Warnings.Select(warning => prefix + warning));
        return Convert(bound, set, sample.Calibration, prefix, outcome.Warnings);
    }

    /// <summary>Runs one plugin call on a pool thread and stops waiting for it after <paramref name="timeout"/>.</summary>
    /// <remarks>
    /// NOTE: .NET cannot abort a thread, so a call that never returns keeps its pool thread busy until the process
    /// exits. The run goes on, but a plugin that hangs on every image exhausts the pool eventually.
    /// </remarks>
    private static FeatureSet ExtractWithTimeout(
        PluginEntry plugin,
        Sample sample,
        ExtractionContext context,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        // The call gets its own copies of the matrices, freed when it returns, because a call that outlives the
        // timeout would otherwise read matrices the extractor has already disposed.
        var grey = sample.Grey.Clone();
        var original = sample.Original.Clone();
        var mask = sample.Mask.Clone();
        var copy = new Sample(
            sample.ImageId, sample.ObjectId, grey, original, sample.BitDepth, mask, sample.Calibration);
        var call = Task.Run(() => plugin.Instance!.Extract(copy, context), CancellationToken.None);
        call.ContinueWith(
            _ =>
            {
                grey.Dispose();
                original.Dispose();
                mask.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        try
        {
            if (call.Wait(timeout, cancellationToken))
            {
                return call.Result;
            }
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
        }

        throw new TimeoutException(
            $"Plugin '{plugin.Id}' did not return within {timeout.TotalSeconds:0.###} s on object {sample.ObjectId}.");
    }

    private static List<FeatureResult> Convert(
        BoundPlugin plugin,
        FeatureSet set,
        Calibration calibration,
        string prefix,
        List<string> warnings)
    {
        var byName = new Dictionary<string, FeatureValue>(StringComparer.Ordinal);
        foreach (var value in set.Values)
        {
            if (!byName.TryAdd(value.Name, value))
            {
                warnings.Add($"{prefix}the plugin returned '{value.Name}' twice; the first value is kept.");
            }
        }

        var declared = plugin.Features.Select(descriptor => descriptor.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var undeclared in byName.Keys.Where(name => !declared.Contains(name)))
        {
            warnings.Add($"{prefix}the plugin returned '{undeclared}', which its manifest does not declare; dropped.");
        }

        var results = new List<FeatureResult>(plugin.Features.Count);
        foreach (var descriptor in plugin.Features)
        {
            if (!byName.TryGetValue(descriptor.Name, out var value))
            {
                results.Add(new FeatureResult(descriptor, null, null, "The plugin returned no value for this feature."));
                continue;
            }

            double? calibrated = value.Value is { } pixels && descriptor.IsCalibrated && calibration.NmPerPixel is { } s
                ? descriptor.ToCalibrated(pixels, s)
                : null;
            if (calibrated is { } nm && !double.IsFinite(nm))
            {
                // An extreme pixel size can overflow a length or area; no table may hold a non-finite number.
                results.Add(new FeatureResult(descriptor, null, null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{value.Value} {descriptor.PixelUnit} at {calibration.NmPerPixel} nm/px is not a finite number.")));
                continue;
            }

            results.Add(new FeatureResult(descriptor, value.Value, calibrated, value.NullReason));
        }

        return results;
    }

    private Calibration ResolveCalibration(DatasetItem item, LoadedImage image, List<string> warnings) =>
        CalibrationResolver.Resolve(_options.Calibration, item.Calibration, image.TiffPixelSize, image.Grey, warnings);

    private ImageResult InputFailure(DatasetItem item, Calibration calibration, string message)
    {
        CoreLog.ImageFailed(_logger, item.ImageId, message);
        return new ImageResult
        {
            ImageId = item.ImageId,
            ImagePath = item.ImagePath,
            MaskPath = item.MaskPath,
            Calibration = calibration,
            Status = ImageStatus.Failed,
            Failures = [new Failure(FailureKind.Input, message)],
        };
    }

    /// <summary>Where the failures, warnings and saved files of one image are collected.</summary>
    private sealed record Outcome(
        List<Failure> Failures,
        List<string> Warnings,
        ConcurrentQueue<ArtifactRecord> Artifacts);
}
