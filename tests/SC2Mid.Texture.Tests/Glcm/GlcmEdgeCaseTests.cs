using OpenCvSharp;
using SC2Mid.Plugins.Glcm;
using SC2Mid.Sdk;

namespace SC2Mid.Texture.Tests.Glcm;

/// <summary>Degenerate objects, warnings and feature naming of the glcm plugin.</summary>
public sealed class GlcmEdgeCaseTests
{
    private const string PluginFolder = GlcmReferenceTests.PluginFolder;

    [Fact]
    public void Extract_EmptyMask_ReturnsNullsWithReason()
    {
        using var sample = Synthetic(new Mat(8, 8, MatType.CV_8UC1, Scalar.All(0)));

        FeatureSet features = Extract(sample, "{}");

        Assert.Equal(33, features.Values.Count);
        Assert.Equal(1, features.Values.Single(v => v.Name == GlcmFeatureNames.Distance).Value);
        foreach (FeatureValue value in features.Values.Where(v => v.Name != GlcmFeatureNames.Distance))
        {
            Assert.Null(value.Value);
            Assert.Contains("no foreground pixel", value.NullReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Extract_SinglePixel_ReturnsNullPropertiesWithReason()
    {
        var mask = new Mat(8, 8, MatType.CV_8UC1, Scalar.All(0));
        mask.Set(3, 4, (byte)255);
        using var sample = Synthetic(mask);

        FeatureSet features = Extract(sample, "{}");

        FeatureValue contrast = features.Values.Single(v => v.Name == "glcm.contrast.45");
        Assert.Null(contrast.Value);
        Assert.Contains("1 px apart at 45 degrees", contrast.NullReason, StringComparison.Ordinal);
        Assert.Null(features.Values.Single(v => v.Name == "glcm.correlation.mean").Value);
        Assert.Equal(1, features.Values.Single(v => v.Name == GlcmFeatureNames.LevelsUsed).Value);
    }

    [Fact]
    public void Extract_FlatRegion_SetsCorrelationOneAndWarns()
    {
        using var sample = Synthetic(new Mat(8, 8, MatType.CV_8UC1, Scalar.All(255)), grey: 90);

        FeatureSet features = Extract(sample, "{}");

        foreach (string angle in GlcmFeatureNames.AngleSegments)
        {
            Assert.Equal(1.0, features.Values.Single(v => v.Name == $"glcm.correlation.{angle}").Value);
        }

        Assert.Equal(4, features.Values.Single(v => v.Name == GlcmFeatureNames.FlatMatrices).Value);
        Assert.Contains(features.Warnings, w => w.Contains("set to 1", StringComparison.Ordinal));
        Assert.Contains(features.Warnings, w => w.Contains("uses only 1 of 256 grey levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_ValuesOutsideFixedRange_WarnsAboutClamping()
    {
        using var sample = Synthetic(new Mat(8, 8, MatType.CV_8UC1, Scalar.All(255)), grey: 200);

        FeatureSet features = Extract(sample, """{"range": [0, 100], "levels": 4}""");

        Assert.Contains(features.Warnings, w => w.Contains("64 region pixels lie outside", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_DefaultParameters_ReturnsManifestNamesOnly()
    {
        using var sample = Synthetic(new Mat(8, 8, MatType.CV_8UC1, Scalar.All(255)), grey: 90);

        FeatureSet features = Extract(sample, "{}");

        Assert.Equal(
            ManifestFixedNames().Order(StringComparer.Ordinal),
            features.Values.Select(v => v.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DescribeFeatures_DefaultDistances_ListsNone()
    {
        PluginParameters parameters = ManifestParameters.Build(PluginFolder);

        Assert.Empty(new GlcmPlugin().DescribeFeatures(parameters));
    }

    [Fact]
    public void DescribeFeatures_ThreeDistances_ListsSuffixedNames()
    {
        PluginParameters parameters = ManifestParameters.Build(PluginFolder, """{"distances": [1, 2, 5]}""");
        using var sample = Synthetic(new Mat(12, 12, MatType.CV_8UC1, Scalar.All(255)), grey: 90);

        IReadOnlyList<FeatureDeclaration> declared = new GlcmPlugin().DescribeFeatures(parameters);
        FeatureSet features = new GlcmPlugin().Extract(
            sample.Sample, new ExtractionContext(parameters, null, false, CancellationToken.None));

        Assert.Equal(60, declared.Count);
        Assert.Contains(declared, d => d.Name == "glcm.contrast.d2.45");
        Assert.Contains(declared, d => d.Name == "glcm.correlation.d5.mean");
        var expected = ManifestFixedNames().Concat(declared.Select(d => d.Name)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, features.Values.Select(v => v.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"distances": [1, 1]}""", "repeats a distance")]
    [InlineData("""{"distances": [0]}""", "below 1")]
    [InlineData("""{"distances": []}""", "is empty")]
    [InlineData("""{"range": [5]}""", "glcm.range = [5] is invalid")]
    [InlineData("""{"range": [9, 3]}""", "glcm.range = [9, 3] is invalid")]
    public void DescribeFeatures_InvalidParameters_ThrowsWithValue(string overrides, string message)
    {
        PluginParameters parameters = ManifestParameters.Build(PluginFolder, overrides);

        var exception = Assert.Throws<ArgumentException>(() => new GlcmPlugin().DescribeFeatures(parameters));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_MaskRegion_IgnoresPixelsOutsideMask()
    {
        // Left half 10 inside the mask, right half 200 outside it: the mask region contains one level, the image two.
        var grey = new Mat(6, 8, MatType.CV_8UC1, Scalar.All(10));
        grey[new Rect(4, 0, 4, 6)].SetTo(Scalar.All(200));
        var mask = new Mat(6, 8, MatType.CV_8UC1, Scalar.All(0));
        mask[new Rect(0, 0, 4, 6)].SetTo(Scalar.All(255));
        using var sample = new TextureSample(grey, mask);

        FeatureSet masked = Extract(sample, "{}");
        FeatureSet whole = Extract(sample, """{"region": "image"}""");

        Assert.Equal(0.0, masked.Values.Single(v => v.Name == "glcm.contrast.0").Value);
        Assert.Equal(1, masked.Values.Single(v => v.Name == GlcmFeatureNames.LevelsUsed).Value);
        Assert.Equal(2, whole.Values.Single(v => v.Name == GlcmFeatureNames.LevelsUsed).Value);
        Assert.True(whole.Values.Single(v => v.Name == "glcm.contrast.0").Value > 0);
    }

    private static List<string> ManifestFixedNames()
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(
            File.ReadAllText(RepositoryPaths.Resolve(PluginFolder + "/plugin.json")));
        return manifest.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => !f.TryGetProperty("dynamic", out var dynamic) || !dynamic.GetBoolean())
            .Select(f => f.GetProperty("name").GetString()!)
            .ToList();
    }

    private static TextureSample Synthetic(Mat mask, byte grey = 50) =>
        new(new Mat(mask.Size(), MatType.CV_8UC1, Scalar.All(grey)), mask);

    private static FeatureSet Extract(TextureSample sample, string overrides)
    {
        var context = new ExtractionContext(
            ManifestParameters.Build(PluginFolder, overrides), null, false, CancellationToken.None);
        return new GlcmPlugin().Extract(sample.Sample, context);
    }
}
