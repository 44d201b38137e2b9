using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using SC2Mid.Deep.Tests.Support;
using SC2Mid.Plugins.Deep;
using SC2Mid.Sdk;

namespace SC2Mid.Deep.Tests.ResNet18;

/// <summary>The bundled ResNet18.onnx: its layer list, its fixed batch and its preprocessing.</summary>
public sealed class ResNet18ModelTests(ResNet18Fixture fixture) : IClassFixture<ResNet18Fixture>
{
    // Graph facts of ResNet18.onnx from Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0, read with the Python onnx
    // package 1.12.0: 74 nodes with one output each, the first a Conv, the last the 7x7 AveragePool.
    private const int NodeCount = 74;

    [Fact]
    public void ListLayers_ResNet18_ListsEveryNodeOutput()
    {
        IReadOnlyList<TappableLayer> layers = DeepModel.ListLayers(ResNet18Fixture.ModelPath);

        Assert.Equal(NodeCount, layers.Count);
        Assert.Equal("Convolution249_Output_0", layers[0].ValueName);
        Assert.Equal("convolution249_output_0", layers[0].Segment);
        Assert.Equal("Conv", layers[0].OpType);
        Assert.Equal("[1, 64, 112, 112]", layers[0].Shape?.ShapeText);
        Assert.Equal("Pooling395_Output_0", layers[^1].ValueName);
        Assert.Equal("AveragePool", layers[^1].OpType);
        Assert.Equal("[1, 512, 1, 1]", layers[^1].Shape?.ShapeText);
    }

    [Fact]
    public void LayersMode_ResNet18_ReportsChannelCounts()
    {
        PluginParameters parameters = DeepContext.Parameters(("mode", "layers"));

        IReadOnlyList<FeatureDeclaration> declarations = fixture.Plugin.DescribeFeatures(parameters);
        FeatureSet features = fixture.Plugin.Extract(fixture.Sample.Sample, DeepContext.Of(parameters));

        Assert.Equal(NodeCount, declarations.Count);
        Assert.Equal(declarations.Select(d => d.Name), features.Values.Select(value => value.Name));
        FeatureDeclaration relu261 = declarations.Single(d => d.Name == "deep.layers.relu261_output_0");
        Assert.Contains("'ReLU261_Output_0' (Relu node 'ReLU261')", relu261.Definition, StringComparison.Ordinal);
        Assert.Equal(FeatureDimension.Count, relu261.Dimension);
        Assert.Equal(64, Value(features, "deep.layers.relu253_output_0"));
        Assert.Equal(512, Value(features, "deep.layers.pooling395_output_0"));
    }

    [Fact]
    public void BindInput_ResNet18_ReadsMetadata()
    {
        using DeepModel model = DeepModel.Open(ResNet18Fixture.ModelPath, LayerNames.FinalOutput, 1);

        ModelInput input = model.BindInput(LoadPreset());

        Assert.Equal("Input247", input.Name);
        Assert.Equal(TensorLayout.Nchw, input.Layout);
        Assert.Equal(1, input.BatchSize);
    }

    [Fact]
    public void Run_ResNet18BatchOfFour_Rejected()
    {
        // ResNet18.onnx declares its input as [1, 3, 224, 224], so batches larger than one cannot be compared.
        using DeepModel model = DeepModel.Open(ResNet18Fixture.ModelPath, LayerNames.FinalOutput, 1);
        ModelInput input = model.BindInput(LoadPreset());

        var exception = Assert.Throws<ArgumentException>(
            () => model.Run(input, null, new float[4 * 3 * 224 * 224], 4, CancellationToken.None));

        Assert.Contains("batches of exactly 1 images", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResNet18Preset_RandomImage_MatchesPackageModel()
    {
        // ResNetPreprocess.onnx takes RGB planes on 0-255, reorders them to BGR and subtracts its MeanImage. The
        // preset must produce the same tensor from the same pixels.
        using var bgr8 = new Mat(224, 224, MatType.CV_8UC3);
        Cv2.Randu(bgr8, Scalar.All(0), Scalar.All(256));
        using var bgr = new Mat();
        bgr8.ConvertTo(bgr, MatType.CV_32FC3);
        float[] rgbPlanes = new float[3 * 224 * 224];
        new Plugins.Deep.Preprocessing("rgb planes", 224, 224, ChannelOrder.Rgb, 1, [0, 0, 0], [1, 1, 1])
            .WriteTensor(bgr, TensorLayout.Nchw, rgbPlanes, 0);
        float[] preset = new float[3 * 224 * 224];

        LoadPreset().WriteTensor(bgr, TensorLayout.Nchw, preset, 0);
        float[] reference = RunPackagePreprocessing(rgbPlanes);

        Assert.Equal(reference.Length, preset.Length);
        for (int i = 0; i < preset.Length; i++)
        {
            Assert.Equal(reference[i], preset[i]);
        }
    }

    private static Plugins.Deep.Preprocessing LoadPreset() =>
        ModelPreset.All[ModelPreset.DefaultName].LoadPreprocessing(AppContext.BaseDirectory);

    private static float[] RunPackagePreprocessing(float[] rgbPlanes)
    {
        string path = Path.Combine(AppContext.BaseDirectory, ModelPreset.ResNet18PreprocessingModel);
        using var session = new InferenceSession(path);
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(rgbPlanes, [1, 3, 224, 224]);
        using IDisposableReadOnlyCollection<OrtValue> outputs =
            session.Run(new RunOptions(), ["OriginalInput"], [input], ["PreprocessedInput"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static double? Value(FeatureSet features, string name) =>
        features.Values.Single(value => value.Name == name).Value;
}
