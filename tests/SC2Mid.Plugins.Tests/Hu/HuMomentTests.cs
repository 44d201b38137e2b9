using System.Globalization;
using System.Text.Json;
using OpenCvSharp;
using SC2Mid.Plugins.Hu;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Tests.Hu;

/// <summary>OpenCV's raw moments against cv2 4.6.0, the invariance properties, and the undefined cases.</summary>
public sealed class HuMomentTests
{
    private static readonly string[] SpatialMoments =
        ["m00", "m10", "m01", "m20", "m11", "m02", "m30", "m21", "m12", "m03"];

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
    public void Moments_ReferenceMask_MatchCv2SpatialMoments(string caseName)
    {
        ReferenceCase referenceCase = ReferenceData.Get(caseName);
        using Mat mask = TestSample.Read(referenceCase.MaskPath);

        Moments moments = Cv2.Moments(mask, binaryImage: true);

        AssertSpatialMoments(referenceCase.Moments.GetProperty("cv_mask"), moments);
    }

    [Theory]
    [MemberData(nameof(NonEmptyCases))]
    public void Moments_ReferenceGrey_MatchCv2SpatialMoments(string caseName)
    {
        ReferenceCase referenceCase = ReferenceData.Get(caseName);
        using Mat mask = TestSample.Read(referenceCase.MaskPath);
        using Mat grey = TestSample.Read(referenceCase.GreyPath);
        using var masked = new Mat(grey.Size(), grey.Type(), Scalar.All(0));
        grey.CopyTo(masked, mask);

        Moments moments = Cv2.Moments(masked, binaryImage: false);

        AssertSpatialMoments(referenceCase.Moments.GetProperty("cv_grey"), moments);
    }

    [Fact]
    public void Extract_MaskRotated90Degrees_KeepsInvariants()
    {
        using Mat mask = TestSample.Read(ReferenceData.Get("blob_harmonic_hole").MaskPath);
        using var rotated = new Mat();
        Cv2.Rotate(mask, rotated, RotateFlags.Rotate90Clockwise);

        FeatureSet original = ExtractBorrowed(mask);
        FeatureSet turned = ExtractBorrowed(rotated);

        for (int i = 1; i <= 7; i++)
        {
            AssertRelative(Invariant(original, i), Invariant(turned, i), $"hu.{i}");
        }
    }

    [Fact]
    public void Extract_MaskMirrored_FlipsSignOfHu7Only()
    {
        using Mat mask = TestSample.Read(ReferenceData.Get("blob_harmonic").MaskPath);
        using var mirrored = new Mat();
        Cv2.Flip(mask, mirrored, FlipMode.Y);

        FeatureSet original = ExtractBorrowed(mask);
        FeatureSet flipped = ExtractBorrowed(mirrored);

        for (int i = 1; i <= 6; i++)
        {
            AssertRelative(Invariant(original, i), Invariant(flipped, i), $"hu.{i}");
        }

        Assert.NotEqual(0, Invariant(original, 7));
        AssertRelative(-Invariant(original, 7), Invariant(flipped, 7), "hu.7");
    }

    [Fact]
    public void Extract_GreyScaledByTwo_ScalesIntensityInvariants()
    {
        ReferenceCase referenceCase = ReferenceData.Get("blob_harmonic");
        using Mat mask = TestSample.Read(referenceCase.MaskPath);
        using Mat grey8 = TestSample.Read(referenceCase.GreyPath);
        using var grey16 = new Mat();
        using var doubled16 = new Mat();
        grey8.ConvertTo(grey16, MatType.CV_16UC1);
        grey8.ConvertTo(doubled16, MatType.CV_16UC1, 2);

        FeatureSet original = ExtractBorrowed(mask, grey16);
        FeatureSet doubled = ExtractBorrowed(mask, doubled16);

        // ν_pq scales by k^(−(p+q)/2): hu.1 is linear in ν of order 2, hu.2 quadratic, hu.3 quadratic in order 3.
        AssertRelative(Intensity(original, 1) / 2, Intensity(doubled, 1), "hu.intensity.1");
        AssertRelative(Intensity(original, 2) / 4, Intensity(doubled, 2), "hu.intensity.2");
        AssertRelative(Intensity(original, 3) / 8, Intensity(doubled, 3), "hu.intensity.3");
    }

    [Fact]
    public void Extract_DarkObject_IntensityNull()
    {
        FeatureSet features = ReferenceExtractions.Get<HuPlugin>("square_2x2");

        for (int i = 1; i <= 7; i++)
        {
            FeatureValue value = ReferenceExtractions.Find(features, $"hu.intensity.{i}");
            Assert.Null(value.Value);
            Assert.StartsWith("Every grey value inside the mask is 0", value.NullReason, StringComparison.Ordinal);
            Assert.NotNull(ReferenceExtractions.Find(features, $"hu.{i}").Value);
        }
    }

    [Fact]
    public void Extract_EmptyMask_AllNullWithReason()
    {
        FeatureSet features = ReferenceExtractions.Get<HuPlugin>("empty");

        Assert.Equal(14, features.Values.Count);
        Assert.All(features.Values, value =>
        {
            Assert.Null(value.Value);
            Assert.StartsWith("The mask has no foreground pixel", value.NullReason, StringComparison.Ordinal);
        });
    }

    private static void AssertSpatialMoments(JsonElement expected, Moments actual)
    {
        var values = new Dictionary<string, double>
        {
            ["m00"] = actual.M00, ["m10"] = actual.M10, ["m01"] = actual.M01, ["m20"] = actual.M20,
            ["m11"] = actual.M11, ["m02"] = actual.M02, ["m30"] = actual.M30, ["m21"] = actual.M21,
            ["m12"] = actual.M12, ["m03"] = actual.M03,
        };
        foreach (string name in SpatialMoments)
        {
            double reference = expected.GetProperty(name).GetDouble();
            Assert.True(
                Math.Abs(values[name] - reference) <= Tolerances.Count * Math.Max(Math.Abs(reference), 1),
                string.Create(CultureInfo.InvariantCulture, $"{name} = {values[name]:R}, cv2 gives {reference:R}."));
        }
    }

    private static void AssertRelative(double expected, double actual, string name) =>
        Assert.True(
            Math.Abs(actual - expected) <= Tolerances.Derived * Math.Abs(expected),
            string.Create(CultureInfo.InvariantCulture, $"{name} = {actual:R}, expected {expected:R}."));

    private static double Invariant(FeatureSet features, int index) =>
        ReferenceExtractions.Find(features, $"hu.{index}").Value!.Value;

    private static double Intensity(FeatureSet features, int index) =>
        ReferenceExtractions.Find(features, $"hu.intensity.{index}").Value!.Value;

    /// <summary>Extracts from matrices that the caller keeps. Without a grey image, the mask serves.</summary>
    private static FeatureSet ExtractBorrowed(Mat mask, Mat? grey = null)
    {
        Mat greyImage = grey ?? mask;
        int bitDepth = greyImage.Depth() == MatType.CV_16U ? 16 : 8;
        var sample = new Sample("borrowed", 1, greyImage, greyImage, bitDepth, mask, Calibration.None);
        return new HuPlugin().Extract(sample, TestSample.Context);
    }
}
