using System.Globalization;
using System.Text;
using SC2Mid.Plugins.Hu;
using SC2Mid.Plugins.Shape;
using SC2Mid.Sdk;
using Xunit.Abstractions;

namespace SC2Mid.Plugins.Tests;

/// <summary>
/// The largest error per feature over all reference cases, written to the test output as a table so that the
/// agreement with scikit-image and OpenCV can be read from one test run.
/// </summary>
public sealed class ReferenceAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public void MaximumError_EveryFeature_WithinTolerance()
    {
        var maximumErrors = new SortedDictionary<string, (double Error, string Case)>(StringComparer.Ordinal);
        foreach (ReferenceCase referenceCase in ReferenceData.Cases)
        {
            IEnumerable<FeatureValue> values = ReferenceExtractions.Get<ShapePlugin>(referenceCase.Name).Values
                .Concat(ReferenceExtractions.Get<HuPlugin>(referenceCase.Name).Values);
            foreach (FeatureValue value in values)
            {
                double? expected = referenceCase.Features[value.Name];
                if (expected is null || value.Value is null)
                {
                    continue;
                }

                double error = ReferenceComparison.Error(value.Name, value.Value.Value, expected.Value, referenceCase);
                if (!maximumErrors.TryGetValue(value.Name, out var current) || error > current.Error)
                {
                    maximumErrors[value.Name] = (error, referenceCase.Name);
                }
            }
        }

        var table = new StringBuilder("feature | max error | tolerance | case\n");
        foreach ((string feature, (double error, string caseName)) in maximumErrors)
        {
            double tolerance = ReferenceComparison.ToleranceFor(feature);
            table.AppendLine(
                CultureInfo.InvariantCulture,
                $"{feature} | {error:0.0E+00} | {tolerance:0E+00} | {caseName}");
        }

        output.WriteLine(table.ToString());
        Assert.All(maximumErrors, pair => Assert.True(
            pair.Value.Error <= ReferenceComparison.ToleranceFor(pair.Key),
            $"{pair.Key}: error {pair.Value.Error:E2} in case {pair.Value.Case}."));
    }
}
