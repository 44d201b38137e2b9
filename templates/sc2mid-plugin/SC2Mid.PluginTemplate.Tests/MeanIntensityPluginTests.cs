using System.Text.Json;
using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.PluginTemplate.Tests;

public sealed class MeanIntensityPluginTests
{
    private static readonly ExtractionContext Context =
        new(PluginParameters.Empty, Artifacts: null, FiguresRequested: false, CancellationToken.None);

    [Fact]
    public void Extract_Square_ReturnsAreaAndMean()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(10));
        using var mask = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(0));
        grey[new Rect(2, 2, 4, 4)].SetTo(Scalar.All(200));
        mask[new Rect(2, 2, 4, 4)].SetTo(Scalar.All(255));

        var features = Extract(grey, mask);

        Assert.Equal(16, Value(features, "templateplugin.area"));
        Assert.Equal(200, Value(features, "templateplugin.mean"));
    }

    [Fact]
    public void Extract_EmptyMask_ReturnsNullWithReason()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(10));
        using var mask = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(0));

        var mean = Extract(grey, mask).Values.Single(value => value.Name == "templateplugin.mean");

        Assert.Null(mean.Value);
        Assert.False(string.IsNullOrWhiteSpace(mean.NullReason));
    }

    [Fact]
    public void Extract_ReturnsExactlyTheManifestFeatures()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(10));
        using var mask = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(255));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plugin.json")));
        var declared = manifest.RootElement.GetProperty("features").EnumerateArray()
            .Select(feature => feature.GetProperty("name").GetString())
            .ToArray();

        var returned = Extract(grey, mask).Values.Select(value => value.Name).ToArray();

        Assert.Equal(declared, returned);
    }

    private static FeatureSet Extract(Mat grey, Mat mask)
    {
        var sample = new Sample("test", 1, grey, grey, 8, mask, Calibration.None);
        return new MeanIntensityPlugin().Extract(sample, Context);
    }

    private static double? Value(FeatureSet features, string name) =>
        features.Values.Single(value => value.Name == name).Value;
}
