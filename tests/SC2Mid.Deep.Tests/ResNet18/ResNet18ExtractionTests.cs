using System.Globalization;
using SC2Mid.Deep.Tests.Support;
using SC2Mid.Plugins.Deep;
using SC2Mid.Sdk;

namespace SC2Mid.Deep.Tests.ResNet18;

/// <summary>The bundled ResNet18 on the cryo-ET sample TS_001.133: names, values, tapping and figures.</summary>
public sealed class ResNet18ExtractionTests(ResNet18Fixture fixture) : IClassFixture<ResNet18Fixture>
{
    private const int PoolChannels = 512;

    // ONNX Runtime sums in float32; the plugin averages the same values in double.
    private const double PoolingTolerance = 1e-5;

    // Relative tolerance of the pinned values, which allows for other CPU kernels of ONNX Runtime.
    private const double RegressionTolerance = 1e-4;

    private const string ModelSha256 = "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f";

    [Fact]
    public void Extract_Defaults_Returns512PoolFeatures()
    {
        string[] expected = Enumerable.Range(0, PoolChannels)
            .Select(i => "deep.resnet18.pool." + i.ToString(CultureInfo.InvariantCulture))
            .ToArray();

        Assert.Equal(expected, fixture.Pool.Values.Select(value => value.Name));
        Assert.All(fixture.Pool.Values, value => Assert.True(value.Value >= 0, $"{value.Name} = {value.Value}"));
        Assert.Empty(fixture.Pool.Warnings);
    }

    [Fact]
    public void Extract_CryoEtSample_MatchesPinnedValues()
    {
        // Regression values: this plugin's output for TS_001.133 with the default parameters (ONNX Runtime 1.32.0,
        // x86-64), the same as `sc2mid extract` prints. They pin the preprocessing and crop, not an outside reference.
        (int Channel, double Value)[] pinned =
        [
            (0, 0.009619177), (2, 0.02769773), (3, 0.384656), (4, 0.4045362), (7, 0.703444), (14, 1.646205),
            (508, 1.826969), (510, 0.8741561),
        ];

        foreach ((int channel, double value) in pinned)
        {
            double actual = fixture.Pool.Values[channel].Value!.Value;
            Assert.True(
                Math.Abs(actual - value) <= RegressionTolerance * Math.Abs(value),
                $"deep.resnet18.pool.{channel}: expected {value}, got {actual}");
        }
    }

    [Fact]
    public void Extract_RepeatedAndNewInstance_Identical()
    {
        FeatureSet again = fixture.Plugin.Extract(fixture.Sample.Sample, DeepContext.Of(DeepContext.Parameters()));
        using DeepPlugin other = ResNet18Fixture.CreatePlugin();
        FeatureSet fresh = other.Extract(fixture.Sample.Sample, DeepContext.Of(DeepContext.Parameters()));

        Assert.Equal(Values(fixture.Pool), Values(again));
        Assert.Equal(Values(fixture.Pool), Values(fresh));
    }

    [Fact]
    public void Extract_ConcurrentCalls_MatchSerialResult()
    {
        var results = new FeatureSet[4];

        Parallel.For(
            0,
            results.Length,
            i => results[i] = fixture.Plugin.Extract(fixture.Sample.Sample, DeepContext.Of(DeepContext.Parameters())));

        Assert.All(results, result => Assert.Equal(Values(fixture.Pool), Values(result)));
    }

    [Fact]
    public void Extract_LastReluTapped_AveragesToPool()
    {
        // ResNet18.onnx ends with ReLU393 [1, 512, 7, 7] -> AveragePool 7x7 -> [1, 512, 1, 1], so the global average
        // of the tapped ReLU output must equal the model's own output.
        PluginParameters parameters = DeepContext.Parameters(("layer", "ReLU393_Output_0"));

        FeatureSet relu = fixture.Plugin.Extract(fixture.Sample.Sample, DeepContext.Of(parameters));

        Assert.Equal(PoolChannels, relu.Values.Count);
        Assert.Equal("deep.resnet18.relu393_output_0.0", relu.Values[0].Name);
        for (int i = 0; i < PoolChannels; i++)
        {
            Assert.Equal(fixture.Pool.Values[i].Value!.Value, relu.Values[i].Value!.Value, PoolingTolerance);
        }
    }

    [Fact]
    public void Extract_IntermediateLayerWithFigures_SavesMapGrid()
    {
        PluginParameters parameters = DeepContext.Parameters(("layer", "relu261_output_0"));
        using var sink = new RecordingSink();

        FeatureSet features = fixture.Plugin.Extract(fixture.Sample.Sample, DeepContext.Of(parameters, sink));

        Assert.Equal(64, features.Values.Count);
        Assert.Equal("deep.resnet18.relu261_output_0.63", features.Values[^1].Name);
        Assert.True(sink.Figures.ContainsKey("maps-relu261_output_0"), "No figure named maps-relu261_output_0.");
        OpenCvSharp.Mat figure = sink.Figures["maps-relu261_output_0"];

        // 64 maps of 56 x 56 in 8 columns and 8 rows, with 2-pixel gaps around every cell.
        Assert.Equal(8 * (56 + 2) + 2, figure.Width);
        Assert.Equal(8 * (56 + 2) + 2, figure.Height);
        Assert.Equal(3, figure.Channels());
    }

    [Fact]
    public void Extract_PoolFigure_WarnsNoMaps()
    {
        using var sink = new RecordingSink();

        FeatureSet features = fixture.Plugin.Extract(
            fixture.Sample.Sample,
            DeepContext.Of(DeepContext.Parameters(), sink));

        Assert.Empty(sink.Figures);
        string warning = Assert.Single(features.Warnings);
        Assert.Contains("Pooling395_Output_0", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_EmptyMask_AllNullWithReason()
    {
        using var sample = DeepSample.Of(
            fixture.Sample.Sample.Grey.Clone(),
            new OpenCvSharp.Mat(fixture.Sample.Sample.Grey.Size(), OpenCvSharp.MatType.CV_8UC1, OpenCvSharp.Scalar.All(0)));

        FeatureSet features = fixture.Plugin.Extract(sample.Sample, DeepContext.Of(DeepContext.Parameters()));

        Assert.Equal(PoolChannels, features.Values.Count);
        Assert.All(features.Values, value => Assert.Null(value.Value));
        Assert.All(
            features.Values,
            value => Assert.Equal("The mask has no foreground pixel, so there is no object to crop.", value.NullReason));
    }

    [Fact]
    public void DescribeFeatures_Defaults_NameModelFileAndSha256()
    {
        IReadOnlyList<FeatureDeclaration> declarations = fixture.Plugin.DescribeFeatures(DeepContext.Parameters());

        Assert.Equal(PoolChannels, declarations.Count);
        Assert.All(declarations, declaration => Assert.Equal(FeatureDimension.Dimensionless, declaration.Dimension));
        Assert.Contains("ResNet18.onnx", declarations[0].Definition, StringComparison.Ordinal);
        Assert.Contains(ModelSha256, declarations[0].Definition, StringComparison.Ordinal);
        Assert.Contains("'Pooling395_Output_0' (AveragePool)", declarations[0].Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeFeatures_UnknownLayer_ListsTappableLayers()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => fixture.Plugin.DescribeFeatures(DeepContext.Parameters(("layer", "conv9"))));

        Assert.Contains("has no value named 'conv9'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("relu261_output_0: ReLU261_Output_0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeFeatures_Vgg16WithoutFile_Rejected()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => fixture.Plugin.DescribeFeatures(DeepContext.Parameters(("model", "vgg16"))));

        Assert.Contains("deep.model_path=FILE.onnx", exception.Message, StringComparison.Ordinal);
    }

    private static double?[] Values(FeatureSet features) => features.Values.Select(value => value.Value).ToArray();
}
