using SC2Mid.Plugins.Shape;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Tests.Shape;

/// <summary>The warnings about border contact, several components and holes, checked on every reference mask.</summary>
public sealed class ShapeWarningTests
{
    public static TheoryData<string> CaseNames => ReferenceData.CaseNames();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Extract_ReferenceMask_WarnsWhenTouchingBorder(string caseName)
    {
        ReferenceCase referenceCase = ReferenceData.Get(caseName);
        FeatureSet features = ReferenceExtractions.Get<ShapePlugin>(caseName);

        bool warned = features.Warnings.Any(w => w.Contains("touches the image border", StringComparison.Ordinal));

        Assert.Equal(referenceCase.TouchesBorder, warned);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Extract_ReferenceMask_WarnsWhenSeveralComponents(string caseName)
    {
        ReferenceCase referenceCase = ReferenceData.Get(caseName);
        FeatureSet features = ReferenceExtractions.Get<ShapePlugin>(caseName);

        string? warning = features.Warnings
            .SingleOrDefault(w => w.Contains("8-connected components", StringComparison.Ordinal));

        if (referenceCase.Components > 1)
        {
            Assert.NotNull(warning);
            string expectedStart = $"The mask contains {referenceCase.Components} separate";
            Assert.StartsWith(expectedStart, warning, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(warning);
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Extract_ReferenceMask_WarnsWhenHoles(string caseName)
    {
        ReferenceCase referenceCase = ReferenceData.Get(caseName);
        FeatureSet features = ReferenceExtractions.Get<ShapePlugin>(caseName);
        double holes = referenceCase.Components - (referenceCase.Features["shape.euler_number"] ?? 0);

        string? warning = features.Warnings.SingleOrDefault(w => w.Contains("hole(s)", StringComparison.Ordinal));

        if (holes > 0)
        {
            Assert.NotNull(warning);
            Assert.StartsWith($"The object has {holes} hole(s).", warning, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(warning);
        }
    }
}
