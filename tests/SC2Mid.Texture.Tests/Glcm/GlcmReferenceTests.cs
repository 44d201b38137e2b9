using System.Globalization;
using System.Text.Json;
using SC2Mid.Plugins.Glcm;
using SC2Mid.Sdk;

namespace SC2Mid.Texture.Tests.Glcm;

/// <summary>
/// The glcm plugin against scikit-image 0.19.3's graycomatrix and graycoprops, and NumPy pair counts for masks and
/// the MATLAB convention (TestData/README.md).
/// </summary>
public sealed class GlcmReferenceTests
{
    internal const string PluginFolder = "plugins/SC2Mid.Plugins.Glcm";

    public static TheoryData<string> CaseNames => ReferenceFile.Names(ReferenceFile.GlcmCases);

    public static TheoryData<string> MatrixCaseNames =>
        ReferenceFile.Names(ReferenceFile.GlcmCases.Where(c => c.GetProperty("matrices").EnumerateObject().Any()));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Extract_ReferenceCase_MatchesGraycoprops(string caseName)
    {
        JsonElement referenceCase = ReferenceFile.Glcm(caseName);
        FeatureSet features = Extract(referenceCase);
        var actual = features.Values.ToDictionary(value => value.Name, value => value.Value);

        var failures = new List<string>();
        foreach (JsonProperty expected in referenceCase.GetProperty("features").EnumerateObject())
        {
            if (!actual.TryGetValue(expected.Name, out double? value) || value is null)
            {
                failures.Add($"{expected.Name}: missing or null, expected {expected.Value.GetDouble():R}");
                continue;
            }

            double error = Tolerances.PropertyError(value.Value, expected.Value.GetDouble());
            if (error > Tolerances.Property)
            {
                failures.Add(
                    $"{expected.Name} = {value.Value:R}, expected {expected.Value.GetDouble():R} (error {error:E2})");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(referenceCase.GetProperty("features").EnumerateObject().Count(), features.Values.Count);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void PixelOffset_ReferenceCase_MatchesScriptOffsets(string caseName)
    {
        JsonElement referenceCase = ReferenceFile.Glcm(caseName);
        GlcmSettings settings = GlcmSettings.From(Parameters(referenceCase));

        foreach (JsonProperty expected in referenceCase.GetProperty("offsets").EnumerateObject())
        {
            (int distance, int angleIndex) = ParseKey(expected.Name);
            PixelOffset offset = PixelOffset.For(settings.Convention, distance, angleIndex);

            Assert.Equal(expected.Value[0].GetInt32(), offset.Rows);
            Assert.Equal(expected.Value[1].GetInt32(), offset.Columns);
        }
    }

    [Theory]
    [MemberData(nameof(MatrixCaseNames))]
    public void Count_ReferenceCase_MatchesGraycomatrix(string caseName)
    {
        JsonElement referenceCase = ReferenceFile.Glcm(caseName);
        GlcmSettings settings = GlcmSettings.From(Parameters(referenceCase));
        using TextureSample sample = TextureSample.Load(referenceCase);
        LevelImage image = LevelImage.Create(sample.Sample.Grey, sample.Sample.Mask, sample.Sample.BitDepth, settings)!;

        foreach (JsonProperty expected in referenceCase.GetProperty("matrices").EnumerateObject())
        {
            (int distance, int angleIndex) = ParseKey(expected.Name);
            PixelOffset offset = PixelOffset.For(settings.Convention, distance, angleIndex);
            CooccurrenceMatrix matrix = CooccurrenceMatrix.Count(
                image, settings.Levels, offset, settings.Symmetric, settings.Normed);

            int i = 0;
            foreach (JsonElement row in expected.Value.EnumerateArray())
            {
                int j = 0;
                foreach (JsonElement entry in row.EnumerateArray())
                {
                    double error = Math.Abs(matrix[i, j] - entry.GetDouble());
                    Assert.True(
                        error <= Tolerances.Matrix,
                        $"{expected.Name} P[{i}, {j}] = {matrix[i, j]:R}, expected {entry.GetDouble():R}.");
                    j++;
                }

                Assert.Equal(settings.Levels, j);
                i++;
            }

            Assert.Equal(settings.Levels, i);
        }
    }

    internal static PluginParameters Parameters(JsonElement referenceCase) =>
        ManifestParameters.Build(PluginFolder, referenceCase.GetProperty("parameters"));

    private static FeatureSet Extract(JsonElement referenceCase)
    {
        using TextureSample sample = TextureSample.Load(referenceCase);
        var context = new ExtractionContext(Parameters(referenceCase), null, false, CancellationToken.None);
        return new GlcmPlugin().Extract(sample.Sample, context);
    }

    /// <summary>Splits a key such as <c>2:45</c> into the distance and the angle's index.</summary>
    private static (int Distance, int AngleIndex) ParseKey(string key)
    {
        string[] parts = key.Split(':');
        int degrees = int.Parse(parts[1], CultureInfo.InvariantCulture);
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), Array.IndexOf(PixelOffset.AnglesInDegrees, degrees));
    }
}
