using SC2Mid.Plugins.Deep.Onnx;

namespace SC2Mid.Plugins.Deep;

/// <summary>
/// A named ImageNet backbone with its published preprocessing (<c>deep.model</c>), and the model file the plugin
/// ships for it, if any.
/// </summary>
/// <param name="Name">Value of <c>deep.model</c> and the model segment of feature names.</param>
/// <param name="BundledModel">Model file relative to the plugin folder, or null when the user supplies it.</param>
/// <param name="LoadPreprocessing">Builds the preprocessing; receives the plugin folder.</param>
internal sealed record ModelPreset(
    string Name,
    string? BundledModel,
    Func<string, Preprocessing> LoadPreprocessing)
{
    /// <summary>Name of the default preset.</summary>
    public const string DefaultName = "resnet18";

    /// <summary>Name of the preset that takes both the model and its preprocessing from the user.</summary>
    public const string CustomName = "custom";

    /// <summary>ResNet18.onnx from the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0.</summary>
    public const string ResNet18Model = "models/ResNet18.onnx";

    /// <summary>The package's preprocessing model, which contains the mean image that ResNet18.onnx expects.</summary>
    public const string ResNet18PreprocessingModel = "models/ResNetPreprocess.onnx";

    private static readonly double[] NoStd = [1, 1, 1];

    /// <summary>Every preset, by name.</summary>
    public static IReadOnlyDictionary<string, ModelPreset> All { get; } = new Dictionary<string, ModelPreset>
    {
        [DefaultName] = new(DefaultName, ResNet18Model, ResNet18),

        // Keras applications.vgg16.preprocess_input, mode "caffe": RGB to BGR, then subtract the ImageNet BGR mean.
        ["vgg16"] = new("vgg16", null, _ => new Preprocessing(
            "vgg16", 224, 224, ChannelOrder.Bgr, 1, [103.939, 116.779, 123.68], NoStd)),

        // Keras applications.xception.preprocess_input, mode "tf": x / 127.5 - 1.
        ["xception"] = new("xception", null, _ => new Preprocessing(
            "xception", 299, 299, ChannelOrder.Rgb, 1 / 127.5, [1, 1, 1], NoStd)),

        // Keras applications.densenet.preprocess_input, mode "torch": x / 255, then ImageNet mean and std (RGB).
        ["densenet121"] = new("densenet121", null, _ => new Preprocessing(
            "densenet121", 224, 224, ChannelOrder.Rgb, 1 / 255.0, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225])),

        [CustomName] = new(CustomName, null, _ => throw new ArgumentException(
            "deep.model=custom needs deep.preprocessing=FILE.json, because the plugin cannot know how the model "
            + "was trained.")),
    };

    /// <summary>
    /// Builds the preprocessing that the package's ResNetPreprocess.onnx computes: it reorders RGB input to BGR and
    /// subtracts its 1×3×224×224 initializer <c>MeanImage</c> (the CNTK ImageNet mean image), with no scaling.
    /// </summary>
    private static Preprocessing ResNet18(string pluginDirectory)
    {
        string path = Path.Combine(pluginDirectory, ResNet18PreprocessingModel);
        (float[] meanImage, long[] dimensions) = OnnxProtobuf.ReadFloatInitializer(File.ReadAllBytes(path), "MeanImage");
        if (!dimensions.SequenceEqual([1L, 3, 224, 224]) || meanImage.Length != 3 * 224 * 224)
        {
            throw new InvalidDataException(
                $"{path}: MeanImage has shape [{string.Join(", ", dimensions)}] and {meanImage.Length} values; "
                + "expected [1, 3, 224, 224]. Reinstall the plugin.");
        }

        return new Preprocessing(
            DefaultName, 224, 224, ChannelOrder.Bgr, 1, [0, 0, 0], NoStd, MeanImage: meanImage);
    }
}
