using SC2Mid.Plugins.Hu;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Tests.Hu;

/// <summary>Every Hu invariant of every reference case against OpenCV 4.6.0's cv2.HuMoments.</summary>
public sealed class HuReferenceTests
{
    public static TheoryData<string, string> CaseFeatures => ReferenceData.CaseFeatures("hu.");

    [Theory]
    [MemberData(nameof(CaseFeatures))]
    public void Extract_ReferenceCase_MatchesCv2HuMoments(string caseName, string feature)
    {
        ReferenceCase referenceCase = ReferenceData.Get(caseName);
        double? expected = referenceCase.Features[feature];
        FeatureValue actual = ReferenceExtractions.Find(ReferenceExtractions.Get<HuPlugin>(caseName), feature);

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
