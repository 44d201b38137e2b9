using System.Globalization;
using System.Numerics;
using System.Text.Json;
using OpenCvSharp;
using SC2Mid.Plugins.Shape;

namespace SC2Mid.Plugins.Tests.Shape;

/// <summary>The exact second moments against Python integers and scikit-image's floating-point moments.</summary>
public sealed class SecondMomentsTests
{
    public static TheoryData<string> NonEmptyCases
    {
        get
        {
            var rows = new TheoryData<string>();
            foreach (ReferenceCase referenceCase in ReferenceData.Cases.Where(c => c.Features["shape.area"] > 0))
            {
                rows.Add(referenceCase.Name);
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(NonEmptyCases))]
    public void Of_ReferenceMask_EqualsExactIntegers(string caseName)
    {
        ReferenceCase referenceCase = ReferenceData.Get(caseName);

        SecondMoments moments = MomentsOf(referenceCase);

        Assert.Equal(ExactInteger(referenceCase, "exact_n2_mu_rr"), (BigInteger)moments.ScaledRowRow);
        Assert.Equal(ExactInteger(referenceCase, "exact_n2_mu_rc"), (BigInteger)moments.ScaledRowColumn);
        Assert.Equal(ExactInteger(referenceCase, "exact_n2_mu_cc"), (BigInteger)moments.ScaledColumnColumn);
    }

    [Theory]
    [MemberData(nameof(NonEmptyCases))]
    public void Of_ReferenceMask_MatchesSkimageCentralMoments(string caseName)
    {
        ReferenceCase referenceCase = ReferenceData.Get(caseName);
        JsonElement reference = referenceCase.Moments;
        double rowRow = reference.GetProperty("skimage_mu_rr").GetDouble();
        double rowColumn = reference.GetProperty("skimage_mu_rc").GetDouble();
        double columnColumn = reference.GetProperty("skimage_mu_cc").GetDouble();

        SecondMoments moments = MomentsOf(referenceCase);

        // μrc may be 0 up to rounding, so every moment is compared relative to the trace μrr + μcc.
        double scale = Math.Max(rowRow + columnColumn, 1);
        Assert.Equal(rowRow, moments.RowVariance * moments.Count, Tolerances.Count * scale);
        Assert.Equal(rowColumn, moments.Covariance * moments.Count, Tolerances.Count * scale);
        Assert.Equal(columnColumn, moments.ColumnVariance * moments.Count, Tolerances.Count * scale);
    }

    [Theory]
    [MemberData(nameof(NonEmptyCases))]
    public void Eigenvalues_ReferenceMask_MatchSkimage(string caseName)
    {
        ReferenceCase referenceCase = ReferenceData.Get(caseName);
        double[] expected = referenceCase.Moments.GetProperty("skimage_eigenvalues").EnumerateArray()
            .Select(value => value.GetDouble())
            .ToArray();

        (double larger, double smaller) = MomentsOf(referenceCase).Eigenvalues();

        // LAPACK's small eigenvalue carries an absolute error of order ε·λ1, so both are compared relative to λ1.
        double scale = Math.Max(expected[0], 1);
        Assert.Equal(expected[0], larger, Tolerances.Derived * scale);
        Assert.Equal(expected[1], smaller, Tolerances.Derived * scale);
    }

    private static SecondMoments MomentsOf(ReferenceCase referenceCase)
    {
        using Mat mask = TestSample.Read(referenceCase.MaskPath);
        Rect box = Cv2.BoundingRect(mask);
        return SecondMoments.Of(MaskGrid.FromMask(mask, box));
    }

    private static BigInteger ExactInteger(ReferenceCase referenceCase, string name) =>
        BigInteger.Parse(referenceCase.Moments.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
