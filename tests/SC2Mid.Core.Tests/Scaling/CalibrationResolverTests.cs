using OpenCvSharp;
using SC2Mid.Core.Scaling;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Tests.Scaling;

public sealed class CalibrationResolverTests
{
    /// <summary>The study's reference image: a scale bar of 206 px stands for 100 nm.</summary>
    private const double StudyNmPerPixel = 100.0 / 206;

    [Fact]
    public void Resolve_NoSource_IsUncalibrated()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(128));
        var warnings = new List<string>();

        var calibration = CalibrationResolver.Resolve(
            new CalibrationRequest(), null, TiffPixelSize.None, grey, warnings);

        Assert.Same(Calibration.None, calibration);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Resolve_ScaleBar206Px_GivesStudySize()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(128));
        var request = new CalibrationRequest { ScaleBarPx = 206, ScaleBarNm = 100 };

        var calibration = CalibrationResolver.Resolve(request, null, TiffPixelSize.None, grey, []);

        Assert.Equal(StudyNmPerPixel, calibration.NmPerPixel!.Value, 12);
        Assert.Contains("--scale-bar-px 206", calibration.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SourcesDisagree_WarnsWithBoth()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(128));
        var request = new CalibrationRequest { CommandLine = Calibration.FromNmPerPixel(0.5, "command line") };
        var warnings = new List<string>();

        var calibration = CalibrationResolver.Resolve(
            request, Calibration.FromNmPerPixel(0.7, "dataset manifest"), TiffPixelSize.None, grey, warnings);

        Assert.Equal(0.5, calibration.NmPerPixel);
        var warning = Assert.Single(warnings);
        Assert.Contains("using 0.5 nm/px from command line", warning, StringComparison.Ordinal);
        Assert.Contains("dataset manifest gives 0.7 nm/px", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SourcesAgreeWithinTolerance_NoWarning()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(128));
        var request = new CalibrationRequest { CommandLine = Calibration.FromNmPerPixel(0.5, "command line") };
        var warnings = new List<string>();

        var manifest = Calibration.FromNmPerPixel(0.502, "dataset manifest");

        CalibrationResolver.Resolve(request, manifest, TiffPixelSize.None, grey, warnings);

        Assert.Empty(warnings);
    }

    [Fact]
    public void Resolve_DetectedBar_ReportsWhere()
    {
        using var grey = new Mat(300, 400, MatType.CV_8UC1);
        Cv2.Randn(grey, new Scalar(128), new Scalar(15));
        grey[new Rect(250, 270, 125, 5)].SetTo(Scalar.All(0));
        var request = new CalibrationRequest { DetectScaleBar = true, ScaleBarNm = 50 };

        var calibration = CalibrationResolver.Resolve(request, null, TiffPixelSize.None, grey, []);

        Assert.Equal(0.4, calibration.NmPerPixel!.Value, 12);
        Assert.Contains("black bar of 125 px at x 250..374, y 270..274", calibration.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_DetectionFindsNothing_WarnsAndStaysUncalibrated()
    {
        using var grey = new Mat(100, 100, MatType.CV_8UC1, Scalar.All(128));
        var warnings = new List<string>();
        var request = new CalibrationRequest { DetectScaleBar = true, ScaleBarNm = 50 };

        var calibration = CalibrationResolver.Resolve(request, null, TiffPixelSize.None, grey, warnings);

        Assert.False(calibration.IsCalibrated);
        Assert.Contains("found no scale bar", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_TiffWithCentimetreResolution_ConvertsToNanometres()
    {
        // 20,000,000 pixels per cm is 0.5 nm per pixel.
        using var grey = new Mat(8, 8, MatType.CV_8UC1, Scalar.All(128));
        Cv2.ImEncode(".tif", grey, out var bytes,
        [
            new ImageEncodingParam(ImwriteFlags.TiffResUnit, 3),
            new ImageEncodingParam(ImwriteFlags.TiffXDpi, 20_000_000),
            new ImageEncodingParam(ImwriteFlags.TiffYDpi, 20_000_000),
        ]);

        var tiff = TiffPixelSize.Read(bytes);

        var calibration = CalibrationResolver.Resolve(new CalibrationRequest(), null, tiff, grey, []);

        Assert.Equal(0.5, calibration.NmPerPixel!.Value, 12);
        Assert.Contains("TIFF resolution tag", calibration.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_TiffWithScreenDefaultDpi_IsIgnored()
    {
        using var grey = new Mat(8, 8, MatType.CV_8UC1, Scalar.All(128));
        Cv2.ImEncode(".tif", grey, out var bytes,
        [
            new ImageEncodingParam(ImwriteFlags.TiffResUnit, 2),
            new ImageEncodingParam(ImwriteFlags.TiffXDpi, 72),
            new ImageEncodingParam(ImwriteFlags.TiffYDpi, 72),
        ]);

        var tiff = TiffPixelSize.Read(bytes);

        var calibration = CalibrationResolver.Resolve(new CalibrationRequest(), null, tiff, grey, []);

        Assert.False(calibration.IsCalibrated);
    }

    [Fact]
    public void Resolve_CryoEtTiff_IsUncalibrated()
    {
        // ImageJ wrote this file with an empty unit, so its resolution tags give no pixel size.
        var bytes = File.ReadAllBytes(Support.TestPaths.CryoEtImage);
        using var grey = Cv2.ImDecode(bytes, ImreadModes.Unchanged);

        var tiff = TiffPixelSize.Read(bytes);

        var calibration = CalibrationResolver.Resolve(new CalibrationRequest(), null, tiff, grey, []);

        Assert.False(calibration.IsCalibrated);
    }
}
