using SC2Mid.Plugins.Shape;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Tests.Shape;

/// <summary>Every shape feature of every reference mask against scikit-image 0.19.3 and OpenCV 4.6.0.</summary>
public sealed class ShapeReferenceTests
{
    public static TheoryData<string, string> CaseFeatures => ReferenceData.CaseFeatures("shape.");

    [Theory]
    [MemberData(nameof(CaseFeatures))]
    public void Extract_ReferenceMask_MatchesReferenceValue(string caseName, string feature)
    {
        ReferenceCase referenceCase = ReferenceData.Get(caseName);
        double? expected = referenceCase.Features[feature];
        FeatureValue actual = ReferenceExtractions.Find(ReferenceExtractions.Get<ShapePlugin>(caseName), feature);

        if (expected is null)
        {
            Assert.Null(actual.Value);
            Assert.False(string.IsNullOrWhiteSpace(actual.NullReason));
            return;
        }

        Assert.True(actual.Value.HasValue, $"{feature} is null ({actual.NullReason}); expected {expected:R}.");
        double error = ReferenceComparison.Error(feature, actual.Value.Value, expected.Value, referenceCase);
        Assert.True(
            error <= ReferenceComparison.ToleranceFor(feature),
            $"{feature} = {actual.Value.Value:R}, expected {expected.Value:R}: error {error:E2} exceeds "
            + $"{ReferenceComparison.ToleranceFor(feature):E0}.");
    }
}
