using OpenCvSharp;
using SC2Mid.Deep.Tests.Support;
using SC2Mid.Plugins.Deep;
using SC2Mid.Sdk;

namespace SC2Mid.Deep.Tests;

/// <summary>
/// The whole plugin on tiny models with a preprocessing JSON file: the identity model returns the preprocessed
/// input, so its pooled values are the mean preprocessed channel values, known by hand.
/// </summary>
public sealed class CustomModelTests : IDisposable
{
    private const double FloatTolerance = 1e-5;

    private readonly DeepPlugin _plugin = new();

    [Fact]
    public void Extract_GreyReplicated_SameInEveryChannel()
    {
        using var sample = DeepSample.Uniform(20, 10, grey: 100);

        FeatureSet features = _plugin.Extract(sample.Sample, Context(TinyOnnxModel.IdentityNhwc(), "rgb"));

        Assert.Equal(["deep.custom.pool.0", "deep.custom.pool.1", "deep.custom.pool.2"], Names(features));
        Assert.All(features.Values, value => Assert.Equal(100, value.Value!.Value, FloatTolerance));
    }

    [Fact]
    public void Extract_OriginalColourRgbOrder_PutsRedFirst()
    {
        using var sample = DeepSample.Of(
            new Mat(8, 8, MatType.CV_8UC1, Scalar.All(120)),
            new Mat(8, 8, MatType.CV_8UC1, Scalar.All(255)),
            new Mat(8, 8, MatType.CV_8UC3, new Scalar(50, 100, 200)));

        FeatureSet features = _plugin.Extract(
            sample.Sample,
            Context(TinyOnnxModel.IdentityNhwc(), "rgb", ("channels", "original")));

        Assert.Equal(200, features.Values[0].Value!.Value, FloatTolerance);
        Assert.Equal(100, features.Values[1].Value!.Value, FloatTolerance);
        Assert.Equal(50, features.Values[2].Value!.Value, FloatTolerance);
    }

    [Fact]
    public void Extract_SixteenBitGrey_ScaledTo255()
    {
        // 32768 on the 16-bit scale is 32768 * 255 / 65535 = 127.50194552529183 on the 0-255 scale.
        using var sample = DeepSample.Of(
            new Mat(8, 8, MatType.CV_16UC1, Scalar.All(32768)),
            new Mat(8, 8, MatType.CV_8UC1, Scalar.All(255)),
            bitDepth: 16);

        FeatureSet features = _plugin.Extract(sample.Sample, Context(TinyOnnxModel.IdentityNchw(), "bgr"));

        Assert.All(features.Values, value => Assert.Equal(127.50194552529183, value.Value!.Value, FloatTolerance));
    }

    [Fact]
    public void Extract_MaskedBoundingBox_ZeroesPixelsOutsideMask()
    {
        // The mask covers the left half of an 8 x 8 image of 200 and its top-right pixel. The bounding box is
        // the whole image, and 33 of its 64 pixels keep 200, so the mean is 200 * 33 / 64.
        using Mat mask = new(8, 8, MatType.CV_8UC1, Scalar.All(0));
        mask[new Rect(0, 0, 4, 8)].SetTo(Scalar.All(255));
        mask.Set(0, 7, (byte)255);
        using var sample = DeepSample.Of(new Mat(8, 8, MatType.CV_8UC1, Scalar.All(200)), mask.Clone());

        FeatureSet features = _plugin.Extract(
            sample.Sample,
            Context(TinyOnnxModel.IdentityNchw(), "rgb", ("crop", "bbox_masked")));

        double expected = 200.0 * (32 + 1) / 64;
        Assert.All(features.Values, value => Assert.Equal(expected, value.Value!.Value, FloatTolerance));
    }

    [Fact]
    public void Extract_WholeImageCrop_IgnoresMaskBounds()
    {
        // Left half 0, right half 240: the mask's box (right half) averages 240, the whole image 120.
        using var grey = new Mat(8, 16, MatType.CV_8UC1, Scalar.All(0));
        grey[new Rect(8, 0, 8, 8)].SetTo(Scalar.All(240));
        using var mask = new Mat(8, 16, MatType.CV_8UC1, Scalar.All(0));
        mask[new Rect(8, 0, 8, 8)].SetTo(Scalar.All(255));
        using var sample = DeepSample.Of(grey.Clone(), mask.Clone());

        FeatureSet box = _plugin.Extract(sample.Sample, Context(TinyOnnxModel.IdentityNchw(), "rgb"));
        FeatureSet image = _plugin.Extract(
            sample.Sample,
            Context(TinyOnnxModel.IdentityNchw(), "rgb", ("crop", "image")));

        Assert.Equal(240, box.Values[0].Value!.Value, FloatTolerance);
        Assert.Equal(120, image.Values[0].Value!.Value, FloatTolerance);
    }

    [Fact]
    public void Extract_TappedRelu_EqualsGraphOutput()
    {
        byte[] model = TinyOnnxModel.ReluPoolNchw();
        using var sample = DeepSample.Uniform(8, 8, grey: 90);

        FeatureSet pooled = _plugin.Extract(sample.Sample, Context(model, "rgb"));
        FeatureSet relu = _plugin.Extract(sample.Sample, Context(model, "rgb", ("layer", "relu_out")));

        Assert.Equal(["deep.custom.relu_out.0", "deep.custom.relu_out.1", "deep.custom.relu_out.2"], Names(relu));
        Assert.Equal(pooled.Values.Select(v => v.Value), relu.Values.Select(v => v.Value));
        Assert.Equal(90, relu.Values[0].Value!.Value, FloatTolerance);
    }

    [Fact]
    public void Extract_TappedLayerFigure_OneCellPerChannel()
    {
        using var sample = DeepSample.Uniform(8, 8, grey: 90);
        using var sink = new RecordingSink();

        PluginParameters parameters = Parameters(TinyOnnxModel.ReluPoolNchw(), "rgb", [("layer", "relu_out")]);

        _plugin.Extract(sample.Sample, DeepContext.Of(parameters, sink));

        Mat figure = sink.Figures["maps-relu_out"];

        // Three 8 x 8 maps enlarged 7 times to 56 x 56, in 2 columns and 2 rows with 2-pixel gaps.
        Assert.Equal(2 * (56 + 2) + 2, figure.Width);
        Assert.Equal(2 * (56 + 2) + 2, figure.Height);
    }

    [Fact]
    public void DescribeFeatures_LayerLayoutNhwc_LastAxisIsChannel()
    {
        // relu_out is [N, 3, 8, 8]; read as NHWC, its channel axis is the last one, of size 8.
        byte[] model = TinyOnnxModel.ReluPoolNchw();

        int asInput = _plugin.DescribeFeatures(Parameters(model, "rgb", [("layer", "relu_out")])).Count;
        int asNhwc = _plugin.DescribeFeatures(
            Parameters(model, "rgb", [("layer", "relu_out"), ("layer_layout", "nhwc")])).Count;

        Assert.Equal(3, asInput);
        Assert.Equal(8, asNhwc);
    }

    [Fact]
    public void DescribeFeatures_ModelAddedAfterFailure_OpensIt()
    {
        string folder = Path.Combine(Path.GetTempPath(), "sc2mid-deep-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "added-later.onnx");
        PluginParameters parameters = DeepContext.Parameters(
            ("model", "custom"),
            ("model_path", path),
            ("preprocessing", PreprocessingJson.Identity()));

        var exception = Assert.Throws<ArgumentException>(() => _plugin.DescribeFeatures(parameters));
        File.WriteAllBytes(path, TinyOnnxModel.IdentityNchw());
        IReadOnlyList<FeatureDeclaration> declarations = _plugin.DescribeFeatures(parameters);

        Assert.Contains("was not found", exception.Message, StringComparison.Ordinal);
        Assert.Equal(3, declarations.Count);
    }

    public void Dispose() => _plugin.Dispose();

    private static ExtractionContext Context(
        byte[] model,
        string channelOrder,
        params (string Name, object Value)[] overrides) =>
        DeepContext.Of(Parameters(model, channelOrder, overrides));

    private static PluginParameters Parameters(
        byte[] model,
        string channelOrder,
        (string Name, object Value)[] overrides) =>
        DeepContext.Parameters(
        [
            ("model", "custom"),
            ("model_path", TinyOnnxModel.Save(model, "tiny")),
            ("preprocessing", PreprocessingJson.Identity(channelOrder)),
            .. overrides,
        ]);

    private static string[] Names(FeatureSet features) => features.Values.Select(value => value.Name).ToArray();
}
