using OpenCvSharp;
using SC2Mid.Plugins.Hog;
using SC2Mid.Sdk;

namespace SC2Mid.Texture.Tests.Hog;

/// <summary>Degenerate objects, the side file and feature naming of the hog plugin.</summary>
public sealed class HogEdgeCaseTests
{
    private const string PluginFolder = HogReferenceTests.PluginFolder;

    private const string General = """{"preset": "general", "region": "mask"}""";

    [Fact]
    public void Extract_EmptyMaskPaper36_Returns36NullsWithReason()
    {
        using var sample = Synthetic(new Mat(20, 20, MatType.CV_8UC1, Scalar.All(0)));

        FeatureSet features = Extract(sample, "{}", null);

        Assert.Equal(36, features.Values.Count);
        Assert.All(features.Values, value => Assert.Null(value.Value));
        Assert.All(
            features.Values,
            value => Assert.Contains("no foreground pixel", value.NullReason, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_RegionSmallerThanBlock_ReturnsNullNamingMinimumSize()
    {
        var mask = new Mat(40, 40, MatType.CV_8UC1, Scalar.All(0));
        mask[new Rect(5, 5, 30, 10)].SetTo(Scalar.All(255));
        using var sample = Synthetic(mask);

        FeatureSet features = Extract(sample, General, null);

        FeatureValue length = Assert.Single(features.Values);
        Assert.Equal(HogPlugin.GeneralLengthName, length.Name);
        Assert.Null(length.Value);
        Assert.Contains("30 x 10 px", length.NullReason, StringComparison.Ordinal);
        Assert.Contains("24 x 24 px", length.NullReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GeneralWithoutArtifacts_WarnsVectorNotSaved()
    {
        using var sample = Synthetic(new Mat(32, 32, MatType.CV_8UC1, Scalar.All(255)));

        string overrides = """{"preset": "general", "region": "image", "cells_per_block": 2}""";
        FeatureSet features = Extract(sample, overrides, null);

        Assert.Equal(3 * 3 * 2 * 2 * 9, features.Values.Single().Value);
        Assert.Contains(features.Warnings, w => w.Contains("was not saved", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_GeneralWithArtifacts_SavesVectorWithParameters()
    {
        using var sample = Synthetic(new Mat(32, 40, MatType.CV_8UC1, Scalar.All(255)));
        var sink = new RecordingSink();

        Extract(sample, """{"preset": "general", "region": "image", "block_norm": "L1", "orientations": 6}""", sink);

        RecordingSink.SavedVector saved = Assert.Single(sink.Vectors);
        Assert.Equal(2 * 3 * 3 * 3 * 6, saved.Values.Count);
        Assert.Equal("L1", saved.Metadata["block_norm"]);
        Assert.Equal("6", saved.Metadata["orientations"]);
        Assert.Equal("32", saved.Metadata["input_rows"]);
        Assert.Equal("40", saved.Metadata["input_columns"]);
        Assert.Equal("image", saved.Metadata["region"]);
    }

    [Fact]
    public void Extract_SmallObjectPaper36_WarnsAboutEnlarging()
    {
        var mask = new Mat(30, 30, MatType.CV_8UC1, Scalar.All(0));
        mask[new Rect(10, 10, 5, 20)].SetTo(Scalar.All(255));
        using var sample = Synthetic(mask);

        FeatureSet features = Extract(sample, "{}", null);

        Assert.Equal(36, features.Values.Count(v => v.Value.HasValue));
        Assert.Contains(features.Warnings, w => w.Contains("5 x 20 px", StringComparison.Ordinal));
    }

    [Fact]
    public void DescribeFeatures_Paper36_ListsZeroBasedNames()
    {
        IReadOnlyList<FeatureDeclaration> declared =
            new HogPlugin().DescribeFeatures(ManifestParameters.Build(PluginFolder));

        Assert.Equal(Enumerable.Range(0, 36).Select(k => $"hog.{k}"), declared.Select(d => d.Name));
        Assert.Contains("cell (row 1, column 0)", declared[18].Definition, StringComparison.Ordinal);
        Assert.Contains("bin 0", declared[18].Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeFeatures_General_ListsLengthOnly()
    {
        IReadOnlyList<FeatureDeclaration> declared =
            new HogPlugin().DescribeFeatures(ManifestParameters.Build(PluginFolder, General));

        Assert.Equal([HogPlugin.GeneralLengthName], declared.Select(d => d.Name));
    }

    [Fact]
    public void Compute_ImageSmallerThanBlock_Throws()
    {
        var options = new HogOptions(9, 8, 2, HogBlockNorm.L2Hys, false);

        var exception = Assert.Throws<ArgumentException>(
            () => HogDescriptor.Compute(new double[15 * 16], 15, 16, options));

        Assert.Contains("16 x 16 block", exception.Message, StringComparison.Ordinal);
    }

    private static TextureSample Synthetic(Mat mask)
    {
        var grey = new Mat(mask.Size(), MatType.CV_8UC1);
        Cv2.Randu(grey, Scalar.All(0), Scalar.All(255));
        return new TextureSample(grey, mask);
    }

    private static FeatureSet Extract(TextureSample sample, string overrides, IArtifactSink? artifacts)
    {
        var context = new ExtractionContext(
            ManifestParameters.Build(PluginFolder, overrides), artifacts, false, CancellationToken.None);
        return new HogPlugin().Extract(sample.Sample, context);
    }
}
