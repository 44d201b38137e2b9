using System.Globalization;
using System.Text.Json;
using SC2Mid.Plugins.Glcm;
using SC2Mid.Plugins.Hog;
using SC2Mid.Sdk;
using SC2Mid.Texture.Tests.Glcm;
using SC2Mid.Texture.Tests.Hog;
using Xunit.Abstractions;

namespace SC2Mid.Texture.Tests;

/// <summary>
/// The largest absolute and relative differences from the reference over all cases, per family, written to the
/// test output (run with <c>--logger "console;verbosity=detailed"</c> to read them) and checked against the
/// tolerances.
/// </summary>
public sealed class AgreementReportTests(ITestOutputHelper output)
{
    [Fact]
    public void Agreement_AllGlcmCases_WithinTolerances()
    {
        var matrices = new ErrorSummary();
        var properties = new ErrorSummary();
        foreach (JsonElement referenceCase in ReferenceFile.GlcmCases)
        {
            PluginParameters parameters = GlcmReferenceTests.Parameters(referenceCase);
            GlcmSettings settings = GlcmSettings.From(parameters);
            using TextureSample sample = TextureSample.Load(referenceCase);
            var context = new ExtractionContext(parameters, null, false, CancellationToken.None);
            var actual = new GlcmPlugin().Extract(sample.Sample, context).Values
                .ToDictionary(value => value.Name, value => value.Value ?? double.NaN);
            foreach (JsonProperty expected in referenceCase.GetProperty("features").EnumerateObject())
            {
                properties.Add(actual[expected.Name], expected.Value.GetDouble());
            }

            LevelImage image = LevelImage.Create(
                sample.Sample.Grey, sample.Sample.Mask, sample.Sample.BitDepth, settings)!;
            foreach (JsonProperty expected in referenceCase.GetProperty("matrices").EnumerateObject())
            {
                string[] key = expected.Name.Split(':');
                int distance = int.Parse(key[0], CultureInfo.InvariantCulture);
                int degrees = int.Parse(key[1], CultureInfo.InvariantCulture);
                int angleIndex = Array.IndexOf(PixelOffset.AnglesInDegrees, degrees);
                CooccurrenceMatrix matrix = CooccurrenceMatrix.Count(
                    image,
                    settings.Levels,
                    PixelOffset.For(settings.Convention, distance, angleIndex),
                    settings.Symmetric,
                    settings.Normed);
                int i = 0;
                foreach (JsonElement row in expected.Value.EnumerateArray())
                {
                    int j = 0;
                    foreach (JsonElement entry in row.EnumerateArray())
                    {
                        matrices.Add(matrix[i, j++], entry.GetDouble());
                    }

                    i++;
                }
            }
        }

        output.WriteLine($"GLCM matrices:   {matrices}");
        output.WriteLine($"GLCM properties: {properties}");
        Assert.True(matrices.MaxAbsolute <= Tolerances.Matrix, matrices.ToString());
        Assert.True(properties.MaxScaled <= Tolerances.Property, properties.ToString());
    }

    [Fact]
    public void Agreement_AllHogCases_WithinTolerances()
    {
        var paper36 = new ErrorSummary();
        var general = new ErrorSummary();
        foreach (JsonElement referenceCase in ReferenceFile.HogCases)
        {
            using TextureSample sample = TextureSample.Load(referenceCase);
            var sink = new RecordingSink();
            var context = new ExtractionContext(
                HogReferenceTests.Parameters(referenceCase), sink, false, CancellationToken.None);
            FeatureSet features = new HogPlugin().Extract(sample.Sample, context);
            if (referenceCase.TryGetProperty("vector", out JsonElement vector))
            {
                IReadOnlyList<double> saved = sink.Vectors.Single().Values;
                var indices = vector.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToList();
                var values = vector.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToList();
                for (int k = 0; k < indices.Count; k++)
                {
                    general.Add(saved[indices[k]], values[k]);
                }
            }
            else
            {
                var actual = features.Values.ToDictionary(value => value.Name, value => value.Value ?? double.NaN);
                foreach (JsonProperty expected in referenceCase.GetProperty("features").EnumerateObject())
                {
                    paper36.Add(actual[expected.Name], expected.Value.GetDouble());
                }
            }
        }

        output.WriteLine($"HOG paper36: {paper36}");
        output.WriteLine($"HOG general: {general}");
        Assert.True(paper36.MaxScaled <= Tolerances.Property, paper36.ToString());
        Assert.True(general.MaxScaled <= Tolerances.Property, general.ToString());
    }

    /// <summary>Largest absolute, relative and scaled differences over a set of comparisons.</summary>
    private sealed class ErrorSummary
    {
        public int Count { get; private set; }

        public double MaxAbsolute { get; private set; }

        public double MaxRelative { get; private set; }

        public double MaxScaled { get; private set; }

        public void Add(double actual, double expected)
        {
            double difference = double.IsNaN(actual) ? double.PositiveInfinity : Math.Abs(actual - expected);
            Count++;
            MaxAbsolute = Math.Max(MaxAbsolute, difference);
            MaxScaled = Math.Max(MaxScaled, Tolerances.PropertyError(actual, expected));
            if (expected != 0)
            {
                MaxRelative = Math.Max(MaxRelative, difference / Math.Abs(expected));
            }
        }

        public override string ToString() =>
            string.Format(
                CultureInfo.InvariantCulture,
                "{0} values, max absolute error {1:E2}, max relative error {2:E2} (nonzero expected values)",
                Count,
                MaxAbsolute,
                MaxRelative);
    }
}
