using System.Collections.Concurrent;
using System.Globalization;
using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Deep;

/// <summary>
/// Deep features: one value per channel of a tapped layer of an ImageNet-pretrained CNN, averaged over the
/// layer's spatial positions (<c>deep.&lt;model&gt;.&lt;layer&gt;.&lt;i&gt;</c>), and the layer's feature maps as a
/// figure.
/// </summary>
/// <remarks>
/// <para>
/// The default is the ResNet18 model that ships with the plugin and its final pooled vector,
/// <c>deep.resnet18.pool.0</c> … <c>deep.resnet18.pool.511</c>. Other models are ONNX files the user supplies
/// with a preset (<c>vgg16</c>, <c>xception</c>, <c>densenet121</c>) or a preprocessing JSON file.
/// </para>
/// <para>
/// The plugin keeps one <see cref="DeepModel"/> (one ONNX Runtime session) per model file and tapped layer for its
/// lifetime; sessions are created on first use and shared by concurrent <see cref="Extract"/> calls. Each run uses
/// at most <see cref="PluginContext.MaxThreads"/> threads. With <c>deep.mode=layers</c> the plugin lists the
/// tappable layers as features instead (<c>deep.layers.&lt;layer&gt;</c>, valued by their channel count).
/// </para>
/// </remarks>
public sealed class DeepPlugin : IDynamicFeaturePlugin, IInitializablePlugin, IDisposable
{
    private readonly ConcurrentDictionary<(string Path, string Layer), Lazy<DeepModel>> _models = new();
    private readonly ConcurrentDictionary<string, Lazy<Preprocessing>> _preprocessing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<TappableLayer>>> _layerLists =
        new(StringComparer.Ordinal);
    private string _pluginDirectory = Path.GetDirectoryName(typeof(DeepPlugin).Assembly.Location) ?? ".";
    private int _maxThreads = 1;
    private bool _disposed;

    /// <inheritdoc />
    public void Initialize(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _pluginDirectory = context.PluginDirectory;
        _maxThreads = Math.Max(1, context.MaxThreads);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Opens the model (and so reads the whole file once) on the first call for a model and layer, because the
    /// channel count comes from the model. The SHA-256 of the model file is part of every definition.
    /// </remarks>
    public IReadOnlyList<FeatureDeclaration> DescribeFeatures(PluginParameters parameters)
    {
        DeepSettings settings = DeepSettings.From(parameters, _pluginDirectory);
        if (settings.ListLayers)
        {
            return LayerListing.Describe(ListLayers(settings.ModelPath), settings.LayerLayout);
        }

        (DeepModel model, Preprocessing preprocessing, ModelInput input) = Bind(settings);
        int channels = model.ChannelCount(input, settings.LayerLayout);
        string prefix = $"deep.{settings.Model}.{model.Segment}.";
        string source = $"of value '{model.Tapped.ValueName}' ({model.Tapped.OpType}) in "
            + $"{Path.GetFileName(model.Path)} (SHA-256 {model.Sha256}), input {preprocessing.Describe()}";
        var declarations = new FeatureDeclaration[channels];
        for (int i = 0; i < channels; i++)
        {
            declarations[i] = new FeatureDeclaration(
                prefix + i.ToString(CultureInfo.InvariantCulture),
                FeatureDimension.Dimensionless,
                $"Mean over all positions of channel {i} {source}.");
        }

        return declarations;
    }

    /// <inheritdoc />
    public FeatureSet Extract(Sample sample, ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(context);
        ObjectDisposedException.ThrowIf(_disposed, this);
        context.CancellationToken.ThrowIfCancellationRequested();

        DeepSettings settings = DeepSettings.From(context.Parameters, _pluginDirectory);
        var features = new FeatureSet();
        if (settings.ListLayers)
        {
            LayerListing.Add(features, ListLayers(settings.ModelPath), settings.LayerLayout);
            return features;
        }

        IReadOnlyList<FeatureDeclaration> declared = DescribeFeatures(context.Parameters);
        if (Cv2.CountNonZero(sample.Mask) == 0)
        {
            foreach (FeatureDeclaration declaration in declared)
            {
                features.AddNull(declaration.Name, "The mask has no foreground pixel, so there is no object to crop.");
            }

            return features;
        }

        (DeepModel model, Preprocessing preprocessing, ModelInput input) = Bind(settings);
        var tensor = new float[3 * input.Height * input.Width];
        using (Mat image = ModelImage.Prepare(sample, settings, preprocessing.Width, preprocessing.Height))
        {
            preprocessing.WriteTensor(image, input.Layout, tensor, 0);
        }

        LayerOutput output = model.Run(input, settings.LayerLayout, tensor, 1, context.CancellationToken)[0];
        double[] pooled = output.PoolChannels();
        if (pooled.Length != declared.Count)
        {
            throw new InvalidOperationException(
                $"'{model.Tapped.ValueName}' has {pooled.Length} channels for this image, but the model declared "
                + $"{declared.Count}; the plugin supports only layers with a fixed channel count.");
        }

        for (int i = 0; i < pooled.Length; i++)
        {
            features.Add(declared[i].Name, pooled[i]);
        }

        if (context.FiguresRequested && context.Artifacts is not null)
        {
            SaveMaps(context.Artifacts, features, model, output, settings.FigureChannels);
        }

        return features;
    }

    /// <summary>Disposes every ONNX Runtime session the plugin opened.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (Lazy<DeepModel> model in _models.Values.Where(lazy => lazy.IsValueCreated))
        {
            model.Value.Dispose();
        }

        _models.Clear();
    }

    private static void SaveMaps(
        IArtifactSink artifacts,
        FeatureSet features,
        DeepModel model,
        LayerOutput output,
        int maxChannels)
    {
        if (!output.HasMaps)
        {
            features.Warn(
                $"No feature-map figure: '{model.Tapped.ValueName}' has shape [{string.Join(", ", output.Shape)}] "
                + "without two spatial axes of more than one position. Tap a convolutional layer "
                + "(deep.mode=layers lists them).");
            return;
        }

        using Mat figure = FeatureMapFigure.Draw(output, maxChannels);
        artifacts.SaveFigure($"maps-{model.Segment}", figure);
    }

    private IReadOnlyList<TappableLayer> ListLayers(string modelPath) =>
        GetOrCreate(
            _layerLists,
            Path.GetFullPath(modelPath),
            path => new Lazy<IReadOnlyList<TappableLayer>>(() => DeepModel.ListLayers(path)));

    // A failed creation is not cached, so that a model or JSON file fixed while the host keeps running is read again.
    private static TValue GetOrCreate<TKey, TValue>(
        ConcurrentDictionary<TKey, Lazy<TValue>> cache,
        TKey key,
        Func<TKey, Lazy<TValue>> create)
        where TKey : notnull
    {
        Lazy<TValue> lazy = cache.GetOrAdd(key, create);
        try
        {
            return lazy.Value;
        }
        catch (Exception)
        {
            cache.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, lazy));
            throw;
        }
    }

    private (DeepModel Model, Preprocessing Preprocessing, ModelInput Input) Bind(DeepSettings settings)
    {
        string fullPath = Path.GetFullPath(settings.ModelPath);
        int threads = _maxThreads;
        DeepModel model = GetOrCreate(
            _models,
            (Path: fullPath, settings.Layer),
            key => new Lazy<DeepModel>(() => DeepModel.Open(key.Path, key.Layer, threads)));

        string preprocessingKey = settings.PreprocessingPath ?? "preset:" + settings.Model;
        string pluginDirectory = _pluginDirectory;
        Preprocessing preprocessing = GetOrCreate(
            _preprocessing,
            preprocessingKey,
            _ => new Lazy<Preprocessing>(() => settings.PreprocessingPath is null
                ? ModelPreset.All[settings.Model].LoadPreprocessing(pluginDirectory)
                : PreprocessingFile.Read(settings.PreprocessingPath)));
        return (model, preprocessing, model.BindInput(preprocessing));
    }
}
