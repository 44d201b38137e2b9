using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Deep;

/// <summary>The plugin's parameters after parsing, with the model path resolved.</summary>
/// <param name="Model">Preset name (<c>deep.model</c>), also the model segment of feature names.</param>
/// <param name="ModelPath">The .onnx file: <c>deep.model_path</c>, or the bundled file of the preset.</param>
/// <param name="PreprocessingPath">JSON file that replaces the preset's preprocessing, or null.</param>
/// <param name="Layer">Value to tap (<c>deep.layer</c>).</param>
/// <param name="Channels">How the three input channels are made (<c>deep.channels</c>).</param>
/// <param name="Crop">Which part of the image is fed to the model (<c>deep.crop</c>).</param>
/// <param name="Resize">How the crop is brought to the input size (<c>deep.resize</c>).</param>
/// <param name="LayerLayout">Layout of the tapped value, or null for the input's (<c>deep.layer_layout</c>).</param>
/// <param name="ListLayers">Whether <c>deep.mode</c> is <c>layers</c>.</param>
/// <param name="FigureChannels">Maximum number of maps drawn in the figure (<c>deep.figure_channels</c>).</param>
internal sealed record DeepSettings(
    string Model,
    string ModelPath,
    string? PreprocessingPath,
    string Layer,
    string Channels,
    string Crop,
    string Resize,
    TensorLayout? LayerLayout,
    bool ListLayers,
    int FigureChannels)
{
    /// <summary><c>deep.channels</c>: copy the grey image into all three channels.</summary>
    public const string ReplicateGrey = "replicate";

    /// <summary><c>deep.crop</c>: the whole image, whatever the mask.</summary>
    public const string WholeImage = "image";

    /// <summary><c>deep.crop</c>: the mask's bounding box with the pixels outside the mask set to 0.</summary>
    public const string MaskedBoundingBox = "bbox_masked";

    /// <summary><c>deep.resize</c>: pad the crop with 0 to a square, centred, before resizing.</summary>
    public const string PadToSquare = "pad";

    /// <summary>Parses validated parameters.</summary>
    /// <param name="parameters">Parameters checked by the host against plugin.json.</param>
    /// <param name="pluginDirectory">Folder of the plugin, where bundled models live.</param>
    /// <exception cref="ArgumentException">The combination is inconsistent, for example vgg16 without a model file.</exception>
    public static DeepSettings From(PluginParameters parameters, string pluginDirectory)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string model = parameters.GetString("model");
        if (!ModelPreset.All.TryGetValue(model, out ModelPreset? preset))
        {
            throw new ArgumentException(
                $"deep.model is '{model}'; expected one of {string.Join(", ", ModelPreset.All.Keys)}.");
        }

        string modelPath = parameters.GetString("model_path");
        if (modelPath.Length == 0)
        {
            modelPath = preset.BundledModel is null
                ? throw new ArgumentException(
                    $"deep.model={model} needs deep.model_path=FILE.onnx: the plugin ships only the ResNet18 model, "
                    + "so export the ImageNet-pretrained network to ONNX and pass its path.")
                : Path.Combine(pluginDirectory, preset.BundledModel);
        }

        string preprocessing = parameters.GetString("preprocessing");
        TensorLayout? layerLayout = parameters.GetString("layer_layout") switch
        {
            "nchw" => TensorLayout.Nchw,
            "nhwc" => TensorLayout.Nhwc,
            _ => null,
        };
        return new DeepSettings(
            model,
            modelPath,
            preprocessing.Length == 0 ? null : preprocessing,
            parameters.GetString("layer"),
            parameters.GetString("channels"),
            parameters.GetString("crop"),
            parameters.GetString("resize"),
            layerLayout,
            parameters.GetString("mode") == "layers",
            parameters.GetInt32("figure_channels"));
    }
}
