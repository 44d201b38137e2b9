using System.Text.Json;
using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Examples.Intensity.Tests;

/// <summary>
/// Compares the plugin with numpy 1.24, scipy 1.10 and scikit-image 0.19.3 on the bundled cryo-ET sample; the
/// values in TestData/reference.json come from TestData/make_reference.py (TestData/README.md).
/// </summary>
public sealed class ReferenceTests
{
    /// <summary>Sums of about 60,000 pixels in another order than numpy's pairwise summation.</summary>
    private const double MomentTolerance = 1e-10;

    /// <summary>LBP fractions are count / n in both implementations, so they agree exactly.</summary>
    private const double HistogramTolerance = 0;

    private static readonly ExtractionContext Context =
        new(PluginParameters.Empty, Artifacts: null, FiguresRequested: false, CancellationToken.None);

    [Theory]
    [InlineData("mean")]
    [InlineData("std")]
    [InlineData("min")]
    [InlineData("max")]
    [InlineData("median")]
    [InlineData("skewness")]
    [InlineData("kurtosis")]
    public void Statistic_CryoEt_MatchesNumpyAndScipy(string name)
    {
        var expected = Reference.RootElement.GetProperty(name).GetDouble();

        var actual = Values[$"intensity.{name}"]!.Value;

        Assert.True(
            Math.Abs(actual - expected) <= MomentTolerance * Math.Abs(expected),
            $"intensity.{name}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void LbpHistogram_CryoEt_MatchesScikitImage()
    {
        var expected = Reference.RootElement.GetProperty("lbp").GetProperty("histogram").EnumerateArray()
            .Select(value => value.GetDouble())
            .ToArray();

        var actual = Enumerable.Range(1, 10).Select(i => Values[$"intensity.lbp.{i}"]!.Value).ToArray();

        Assert.Equal(expected.Length, actual.Length);
        for (var code = 0; code < expected.Length; code++)
        {
            Assert.True(
                Math.Abs(actual[code] - expected[code]) <= HistogramTolerance,
                $"LBP code {code}: expected {expected[code]:R}, got {actual[code]:R}");
        }
    }

    private static JsonDocument Reference { get; } =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "reference.json")));

    private static Dictionary<string, double?> Values { get; } = ExtractCryoEt();

    private static Dictionary<string, double?> ExtractCryoEt()
    {
        var samples = RepositorySamples();
        using var grey = Cv2.ImRead(Path.Combine(samples, "TS_001.133.tif"), ImreadModes.Unchanged);
        using var raw = Cv2.ImRead(Path.Combine(samples, "TS_001.133_ground_truth.tif"), ImreadModes.Unchanged);
        using var mask = new Mat();
        Cv2.Threshold(raw, mask, 0, 255, ThresholdTypes.Binary);
        var sample = new Sample("TS_001.133", 1, grey, grey, 8, mask, Calibration.None);
        var features = new IntensityPlugin().Extract(sample, Context);
        return features.Values.ToDictionary(value => value.Name, value => value.Value);
    }

    private static string RepositorySamples()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var samples = Path.Combine(folder.FullName, "samples", "cryoet");
            if (File.Exists(Path.Combine(samples, "TS_001.133.tif")))
            {
                return samples;
            }
        }

        throw new InvalidOperationException($"No samples/cryoet/TS_001.133.tif above {AppContext.BaseDirectory}.");
    }
}
