using System.Text.Json;
using SC2Mid.Plugins.Hog;
using SC2Mid.Sdk;

namespace SC2Mid.Texture.Tests.Hog;

/// <summary>The hog plugin against scikit-image 0.19.3's skimage.feature.hog (TestData/README.md).</summary>
public sealed class HogReferenceTests
{
    internal const string PluginFolder = "plugins/SC2Mid.Plugins.Hog";

    public static TheoryData<string> Paper36Names =>
        ReferenceFile.Names(ReferenceFile.HogCases.Where(c => c.TryGetProperty("input", out _)));

    public static TheoryData<string> GeneralNames =>
        ReferenceFile.Names(ReferenceFile.HogCases.Where(c => c.TryGetProperty("vector", out _)));

    [Theory]
    [MemberData(nameof(Paper36Names))]
    public void Extract_Paper36Case_MatchesSkimageHog(string caseName)
    {
        JsonElement referenceCase = ReferenceFile.Hog(caseName);
        FeatureSet features = Extract(referenceCase, artifacts: null);

        var expected = referenceCase.GetProperty("features").EnumerateObject().ToList();
        Assert.Equal(expected.Select(p => p.Name), features.Values.Select(v => v.Name));
        for (int k = 0; k < expected.Count; k++)
        {
            double? actual = features.Values[k].Value;
            Assert.True(actual.HasValue, $"{expected[k].Name} is null: {features.Values[k].NullReason}");
            double error = Tolerances.PropertyError(actual.Value, expected[k].Value.GetDouble());
            Assert.True(
                error <= Tolerances.Property,
                $"{expected[k].Name} = {actual.Value:R}, expected {expected[k].Value.GetDouble():R} "
                + $"(error {error:E2}).");
        }
    }

    [Theory]
    [MemberData(nameof(Paper36Names))]
    public void Paper36Input_ReferenceCase_MatchesCv2ResizeInterArea(string caseName)
    {
        JsonElement referenceCase = ReferenceFile.Hog(caseName);
        using TextureSample sample = TextureSample.Load(referenceCase);

        HogInput input = HogInput.Paper36(sample.Sample.Grey, sample.Sample.Mask)!;

        double[] expected = referenceCase.GetProperty("input").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(HogSettings.Paper36Size, input.Rows);
        Assert.Equal(HogSettings.Paper36Size, input.Columns);
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(
                Math.Abs(input.Pixels[k] - expected[k]) <= Tolerances.Matrix * Math.Max(1, Math.Abs(expected[k])),
                $"pixel {k} = {input.Pixels[k]:R}, expected {expected[k]:R}.");
        }
    }

    [Theory]
    [MemberData(nameof(GeneralNames))]
    public void Extract_GeneralCase_SavesSkimageHogVector(string caseName)
    {
        JsonElement referenceCase = ReferenceFile.Hog(caseName);
        var sink = new RecordingSink();
        FeatureSet features = Extract(referenceCase, sink);

        JsonElement expected = referenceCase.GetProperty("vector");
        int length = expected.GetProperty("length").GetInt32();
        Assert.Equal(length, features.Values.Single(v => v.Name == HogPlugin.GeneralLengthName).Value);
        RecordingSink.SavedVector saved = Assert.Single(sink.Vectors);
        Assert.Equal("hog-general", saved.Name);
        Assert.Equal(length, saved.Values.Count);
        Assert.Equal("general", saved.Metadata["preset"]);

        int[] indices = expected.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        double[] values = expected.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int k = 0; k < indices.Length; k++)
        {
            double error = Tolerances.PropertyError(saved.Values[indices[k]], values[k]);
            Assert.True(
                error <= Tolerances.Property,
                $"value {indices[k]} = {saved.Values[indices[k]]:R}, expected {values[k]:R} (error {error:E2}).");
        }

        double sumError = Tolerances.PropertyError(saved.Values.Sum(), expected.GetProperty("sum").GetDouble());
        Assert.True(sumError <= Tolerances.Property * Math.Sqrt(length), $"sum error {sumError:E2}.");
    }

    internal static PluginParameters Parameters(JsonElement referenceCase) =>
        ManifestParameters.Build(PluginFolder, referenceCase.GetProperty("parameters"));

    private static FeatureSet Extract(JsonElement referenceCase, IArtifactSink? artifacts)
    {
        using TextureSample sample = TextureSample.Load(referenceCase);
        var context = new ExtractionContext(Parameters(referenceCase), artifacts, false, CancellationToken.None);
        return new HogPlugin().Extract(sample.Sample, context);
    }
}
