using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Examples.Intensity.Tests;

public sealed class EdgeCaseTests
{
    private static readonly ExtractionContext Context =
        new(PluginParameters.Empty, Artifacts: null, FiguresRequested: false, CancellationToken.None);

    [Fact]
    public void Extract_EmptyMask_AllNullWithReasons()
    {
        using var grey = new Mat(8, 8, MatType.CV_8UC1, Scalar.All(50));
        using var mask = new Mat(8, 8, MatType.CV_8UC1, Scalar.All(0));

        var values = Extract(grey, mask);

        Assert.Equal(17, values.Count);
        Assert.All(values, value => Assert.Null(value.Value));
        Assert.All(values, value => Assert.False(string.IsNullOrWhiteSpace(value.NullReason)));
    }

    [Fact]
    public void Extract_OnePixel_MomentRatiosNull()
    {
        using var grey = new Mat(8, 8, MatType.CV_8UC1, Scalar.All(50));
        using var mask = new Mat(8, 8, MatType.CV_8UC1, Scalar.All(0));
        mask.Set(3, 4, (byte)255);

        var values = Extract(grey, mask).ToDictionary(value => value.Name);

        Assert.Equal(50, values["intensity.mean"].Value);
        Assert.Equal(0, values["intensity.std"].Value);
        Assert.Equal(50, values["intensity.median"].Value);
        Assert.Null(values["intensity.skewness"].Value);
        Assert.Null(values["intensity.kurtosis"].Value);
        Assert.Equal(1, Enumerable.Range(1, 10).Sum(i => values[$"intensity.lbp.{i}"].Value));
    }

    [Fact]
    public void Statistics_EvenCount_MedianIsMeanOfMiddleValues()
    {
        var statistics = IntensityStatistics.Compute([4, 1, 3, 2])!;

        Assert.Equal(2.5, statistics.Median);
        Assert.Equal(2.5, statistics.Mean);
        Assert.Equal(Math.Sqrt(1.25), statistics.StandardDeviation);
        Assert.Equal(0, statistics.Skewness);
    }

    [Fact]
    public void LbpCode_IsolatedBrightPixel_IsZero()
    {
        // Every neighbour is darker than the centre, so no bit is set.
        double[] image = [0, 0, 0, 0, 9, 0, 0, 0, 0];

        Assert.Equal(0, UniformLocalBinaryPattern.Code(image, 3, 3, 1, 1));
    }

    [Fact]
    public void LbpCode_IsolatedDarkPixel_IsEight()
    {
        double[] image = [9, 9, 9, 9, 0, 9, 9, 9, 9];

        Assert.Equal(8, UniformLocalBinaryPattern.Code(image, 3, 3, 1, 1));
    }

    [Fact]
    public void LbpCode_AlternatingNeighbours_IsNonUniform()
    {
        // Brighter above and below, darker left and right: bits alternate along the chain, so more than 2 changes.
        double[] image = [5, 9, 5, 0, 5, 0, 5, 9, 5];

        Assert.Equal(9, UniformLocalBinaryPattern.Code(image, 3, 3, 1, 1));
    }

    private static IReadOnlyList<FeatureValue> Extract(Mat grey, Mat mask) =>
        new IntensityPlugin().Extract(new Sample("test", 1, grey, grey, 8, mask, Calibration.None), Context).Values;
}
