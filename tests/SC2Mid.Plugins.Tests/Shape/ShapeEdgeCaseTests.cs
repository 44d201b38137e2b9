using OpenCvSharp;
using SC2Mid.Plugins.Shape;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Tests.Shape;

/// <summary>Degenerate objects, unusual masks and the contract of <see cref="IFeaturePlugin"/>.</summary>
public sealed class ShapeEdgeCaseTests
{
    public static TheoryData<string> CaseNames => ReferenceData.CaseNames();

    [Fact]
    public void Extract_EmptyMask_ReturnsZeroAreaAndReasons()
    {
        FeatureSet features = ReferenceExtractions.Get<ShapePlugin>("empty");

        Assert.Equal(0, ReferenceExtractions.Find(features, "shape.area").Value);
        Assert.All(features.Values.Where(value => value.Name != "shape.area"), value =>
        {
            Assert.Null(value.Value);
            Assert.Contains("no foreground pixel", value.NullReason, StringComparison.Ordinal);
        });
        Assert.Empty(features.Warnings);
    }

    [Fact]
    public void Extract_SinglePixel_ExplainsUndefinedFeatures()
    {
        FeatureSet features = ReferenceExtractions.Get<ShapePlugin>("single_pixel");

        Assert.Contains("minor axis is 0", ReasonOf(features, "shape.aspect_ratio"), StringComparison.Ordinal);
        Assert.Contains("isotropic", ReasonOf(features, "shape.orientation"), StringComparison.Ordinal);
        Assert.Contains("shape.perimeter is 0", ReasonOf(features, "shape.circularity"), StringComparison.Ordinal);
        Assert.Equal(0, ReferenceExtractions.Find(features, "shape.eccentricity").Value);
        Assert.Equal(1, ReferenceExtractions.Find(features, "shape.feret_max").Value);
        Assert.Equal(Math.Sqrt(2) / 2, ReferenceExtractions.Find(features, "shape.feret_min").Value!.Value, 15);
    }

    [Fact]
    public void Extract_HorizontalLine_AspectRatioNullWithReason()
    {
        FeatureSet features = ReferenceExtractions.Get<ShapePlugin>("line_horizontal");

        Assert.Equal(0, ReferenceExtractions.Find(features, "shape.minor_axis").Value);
        Assert.Null(ReferenceExtractions.Find(features, "shape.aspect_ratio").Value);
        Assert.Equal(1, ReferenceExtractions.Find(features, "shape.eccentricity").Value);
        Assert.Equal(Math.PI / 2, ReferenceExtractions.Find(features, "shape.orientation").Value);
    }

    [Fact]
    public void Extract_IslandInsideHole_ChainPerimeterSkipsIsland()
    {
        // A 20x20 square with a 12x12 hole and a 2x2 island inside the hole. RETR_EXTERNAL keeps only the
        // square's outer contour, so the chain perimeter is 4 × 19 = 76 (cv2 4.6.0 gives the same).
        using var mask = new Mat(30, 30, MatType.CV_8UC1, Scalar.All(0));
        Fill(mask, new Rect(5, 5, 20, 20), 255);
        Fill(mask, new Rect(9, 9, 12, 12), 0);
        Fill(mask, new Rect(14, 14, 2, 2), 255);

        FeatureSet features = ExtractBorrowed(mask);

        Assert.Equal(76, ReferenceExtractions.Find(features, "shape.perimeter_chain").Value);
        Assert.Equal(1, ReferenceExtractions.Find(features, "shape.euler_number").Value);
        Assert.Contains(features.Warnings, w => w.StartsWith("The mask contains 2 separate", StringComparison.Ordinal));
        Assert.Contains(features.Warnings, w => w.StartsWith("The object has 1 hole(s).", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Extract_ReferenceMask_ReturnsNoNonFiniteValue(string caseName)
    {
        FeatureSet features = ReferenceExtractions.Get<ShapePlugin>(caseName);

        // FeatureValue.Of turns NaN and infinities into nulls with this reason, which would hide a bug.
        Assert.All(features.Values, value => Assert.DoesNotContain(
            "not a finite number",
            value.NullReason ?? "",
            StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_MaskView_MatchesCopy()
    {
        using Mat source = TestSample.Read(ReferenceData.Get("blob_harmonic_hole").MaskPath);
        using var frame = new Mat(source.Rows + 20, source.Cols + 30, MatType.CV_8UC1, Scalar.All(255));
        using var view = new Mat(frame, new Rect(10, 7, source.Cols, source.Rows));
        source.CopyTo(view);

        FeatureSet fromView = ExtractBorrowed(view);
        FeatureSet fromCopy = ExtractBorrowed(source);

        Assert.False(view.IsContinuous());
        Assert.Equal(fromCopy.Values, fromView.Values);
    }

    [Fact]
    public void Extract_MaskValuesOne_MatchesMaskValues255()
    {
        using Mat mask255 = TestSample.Read(ReferenceData.Get("plus_uneven").MaskPath);
        using var mask1 = new Mat();
        Cv2.Threshold(mask255, mask1, 0, 1, ThresholdTypes.Binary);

        Assert.Equal(ExtractBorrowed(mask255).Values, ExtractBorrowed(mask1).Values);
    }

    [Fact]
    public void Extract_BorderTouchingMask_LeavesMaskUnchanged()
    {
        using TestSample sample = TestSample.Load(ReferenceData.Get("blob_noise"));
        using Mat before = sample.Sample.Mask.Clone();

        new ShapePlugin().Extract(sample.Sample, TestSample.Context);

        using var difference = new Mat();
        Cv2.Absdiff(before, sample.Sample.Mask, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference));
    }

    [Fact]
    public void Extract_RotatedMask_KeepsLengths()
    {
        using Mat mask = TestSample.Read(ReferenceData.Get("blob_harmonic_hole").MaskPath);
        using var rotated = new Mat();
        Cv2.Rotate(mask, rotated, RotateFlags.Rotate90Clockwise);

        FeatureSet original = ExtractBorrowed(mask);
        FeatureSet turned = ExtractBorrowed(rotated);

        foreach (FeatureValue value in original.Values.Where(v => v.Name is not "shape.orientation"))
        {
            double expected = value.Value!.Value;
            double actual = ReferenceExtractions.Find(turned, value.Name).Value!.Value;
            Assert.True(
                Math.Abs(actual - expected) <= Tolerances.Derived * Math.Max(1, Math.Abs(expected)),
                $"{value.Name}: {actual:R} after rotation, {expected:R} before.");
        }

        // A clockwise quarter turn maps (row, column) to (column, height − 1 − row), so θ becomes θ − π/2 modulo π.
        double before = ReferenceExtractions.Find(original, "shape.orientation").Value!.Value;
        double after = ReferenceExtractions.Find(turned, "shape.orientation").Value!.Value;
        double difference = Math.Abs(after - (before - (Math.PI / 2))) % Math.PI;
        Assert.True(Math.Min(difference, Math.PI - difference) <= Tolerances.Derived, $"{before:R} -> {after:R}");
    }

    [Fact]
    public async Task Extract_ConcurrentCalls_MatchSequentialResults()
    {
        var plugin = new ShapePlugin();
        string[] caseNames = ReferenceData.Cases.Select(c => c.Name).ToArray();
        Dictionary<string, IReadOnlyList<FeatureValue>> sequential = caseNames.ToDictionary(
            name => name,
            name => ExtractCase(plugin, name).Values);

        var tasks = caseNames.Concat(caseNames)
            .Select(name => Task.Run(() => (Name: name, Values: ExtractCase(plugin, name).Values)))
            .ToArray();
        var concurrent = await Task.WhenAll(tasks);

        Assert.All(concurrent, result => Assert.Equal(sequential[result.Name], result.Values));
    }

    [Fact]
    public void Extract_CancelledToken_ThrowsOperationCanceled()
    {
        using TestSample sample = TestSample.Load(ReferenceData.Get("disk_r20"));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var context = new ExtractionContext(PluginParameters.Empty, null, false, cancellation.Token);

        Assert.Throws<OperationCanceledException>(() => new ShapePlugin().Extract(sample.Sample, context));
    }

    private static void Fill(Mat mask, Rect rectangle, byte value)
    {
        using var region = new Mat(mask, rectangle);
        region.SetTo(Scalar.All(value));
    }

    private static string? ReasonOf(FeatureSet features, string name) =>
        ReferenceExtractions.Find(features, name).NullReason;

    private static FeatureSet ExtractCase(ShapePlugin plugin, string caseName)
    {
        using TestSample sample = TestSample.Load(ReferenceData.Get(caseName));
        return plugin.Extract(sample.Sample, TestSample.Context);
    }

    /// <summary>Extracts from a mask that the caller keeps ownership of, with an all-zero grey image.</summary>
    private static FeatureSet ExtractBorrowed(Mat mask)
    {
        using var grey = new Mat(mask.Size(), MatType.CV_8UC1, Scalar.All(0));
        var sample = new Sample("borrowed", 1, grey, grey, 8, mask, Calibration.None);
        return new ShapePlugin().Extract(sample, TestSample.Context);
    }
}
