using OpenCvSharp;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Plugins;
using SC2Mid.Core.Scaling;
using SC2Mid.Core.Tests.Support;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Tests.Extraction;

/// <summary>Extraction on the bundled cryo-ET pair with the real shape plugin and the faulty fixture plugin.</summary>
public sealed class ExtractorTests : IDisposable
{
    /// <summary>Foreground pixels of samples/cryoet/TS_001.133_ground_truth.tif, counted in its SOURCE.md.</summary>
    private const int CryoEtMaskPixels = 59_784;

    private readonly PluginCatalog _catalog = Catalogs.BundledAndFixtures();
    private readonly TemporaryFolder _temporary = new();

    private static DatasetItem CryoEt => new("TS_001.133.tif", TestPaths.CryoEtImage, TestPaths.CryoEtMask, null);

    public void Dispose()
    {
        _catalog.Dispose();
        _temporary.Dispose();
    }

    [Fact]
    public void Extract_Uncalibrated_AreaIsPixelCount()
    {
        var extractor = new Extractor(_catalog, new ExtractionOptions { PluginIds = ["shape"] });

        var result = extractor.Extract(CryoEt);

        Assert.Equal(ImageStatus.Ok, result.Status);
        var item = Assert.Single(result.Objects);
        Assert.Equal(CryoEtMaskPixels, item.PixelCount);
        var area = item.Features.Single(feature => feature.Descriptor.Name == "shape.area");
        Assert.Equal(CryoEtMaskPixels, area.Value);
        Assert.Equal("px^2", area.Unit);
        Assert.Null(area.CalibratedValue);
    }

    [Fact]
    public void Extract_CryoEt_RecordsInputProvenance()
    {
        var extractor = new Extractor(_catalog, new ExtractionOptions { PluginIds = ["shape"] });

        var result = extractor.Extract(CryoEt);

        Assert.Equal("bfe288610695ac570f1414e4171f6ce7e175c36d0147605945e00a6f8eb70324", result.ImageSha256);
        Assert.Equal("53b0f86e86660907a8a84fa9a4e4f38acaadce1410e5b1f00a1a4f9878c322a0", result.MaskSha256);
        Assert.Equal(960, result.Width);
        Assert.Equal(928, result.Height);
        Assert.Equal(8, result.BitDepth);
        Assert.Contains("> 0", result.MaskRule, StringComparison.Ordinal);
        Assert.Equal("none", result.Calibration.Source);
    }

    [Fact]
    public void Extract_Calibrated_ScalesLengthAndArea()
    {
        const double NmPerPixel = 0.4854;
        var options = new ExtractionOptions
        {
            PluginIds = ["shape", "faulty"],
            Calibration = new CalibrationRequest { CommandLine = Calibration.FromNmPerPixel(NmPerPixel, "test") },
        };
        var extractor = new Extractor(_catalog, options);

        var features = Assert.Single(extractor.Extract(CryoEt).Objects).Features
            .ToDictionary(feature => feature.Descriptor.Name);

        Assert.Equal(CryoEtMaskPixels * NmPerPixel * NmPerPixel, features["shape.area"].Value!.Value, 9);
        Assert.Equal(CryoEtMaskPixels, features["shape.area"].PixelValue);
        Assert.Equal("nm^2", features["shape.area"].Unit);
        Assert.Equal(10 * NmPerPixel, features["faulty.length"].Value!.Value, 12);
        Assert.Equal("nm", features["faulty.length"].Unit);
        Assert.Equal(0.5, features["faulty.ratio"].Value);
        Assert.Equal("1", features["faulty.ratio"].Unit);
    }

    [Fact]
    public void Extract_PluginThrows_RecordsFailure()
    {
        var extractor = new Extractor(_catalog, Faulty("throw"));

        var result = extractor.Extract(CryoEt);

        Assert.Equal(ImageStatus.Partial, result.Status);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(FailureKind.Plugin, failure.Kind);
        Assert.Equal("faulty", failure.PluginId);
        Assert.Contains("asked to throw", failure.Message, StringComparison.Ordinal);
        var features = Assert.Single(result.Objects).Features;
        Assert.All(features.Where(f => f.Descriptor.PluginId == "faulty"), f => Assert.Null(f.Value));
        Assert.Equal(CryoEtMaskPixels, features.Single(f => f.Descriptor.Name == "shape.area").Value);
    }

    [Fact]
    public void Extract_NaN_BecomesNullWithReason()
    {
        var extractor = new Extractor(_catalog, Faulty("nan"));

        var area = Assert.Single(extractor.Extract(CryoEt).Objects).Features
            .Single(feature => feature.Descriptor.Name == "faulty.area");

        Assert.Null(area.Value);
        Assert.Contains("not a finite number", area.NullReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_UndeclaredFeature_IsDroppedWithWarning()
    {
        var extractor = new Extractor(_catalog, Faulty("undeclared"));

        var result = extractor.Extract(CryoEt);

        Assert.DoesNotContain(result.Objects[0].Features, feature => feature.Descriptor.Name == "faulty.extra");
        Assert.Contains(result.Warnings, warning => warning.Contains("'faulty.extra'", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_DeclaredFeatureMissing_IsNullWithReason()
    {
        var extractor = new Extractor(_catalog, Faulty("missing"));

        var ratio = extractor.Extract(CryoEt).Objects[0].Features.Single(f => f.Descriptor.Name == "faulty.ratio");

        Assert.Null(ratio.Value);
        Assert.Equal("The plugin returned no value for this feature.", ratio.NullReason);
    }

    [Fact]
    public void Extract_ParameterOverride_ReachesPlugin()
    {
        var options = Faulty("ok") with
        {
            Overrides = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["faulty"] = new Dictionary<string, string> { ["mode"] = "ok", ["scale"] = "3" },
            },
        };
        var extractor = new Extractor(_catalog, options);

        var length = extractor.Extract(CryoEt).Objects[0].Features.Single(f => f.Descriptor.Name == "faulty.length");

        Assert.Equal(30, length.Value);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public void Extract_ArtifactsFolder_SavesAndRecordsFiles(bool figures, int expectedFiles)
    {
        var options = Faulty("artifacts") with { ArtifactsFolder = _temporary.Path, Figures = figures };

        var result = new Extractor(_catalog, options).Extract(CryoEt);

        Assert.Equal(expectedFiles, result.Artifacts.Count);
        var vector = result.Artifacts.Single(artifact => artifact.Kind == "vector");
        Assert.Equal("TS_001.133.tif/object-1/faulty.ramp.csv", vector.RelativePath);
        var lines = File.ReadAllLines(Path.Combine(_temporary.Path, vector.RelativePath));
        Assert.Equal(["# step: x2", "# length: 3", "value", "0.25", "0.5", "1E-300"], lines);
        if (figures)
        {
            var figure = result.Artifacts.Single(artifact => artifact.Kind == "figure");
            using var png = Cv2.ImRead(Path.Combine(_temporary.Path, figure.RelativePath));
            Assert.Equal(new Size(16, 8), png.Size());
        }
    }

    [Fact]
    public void Extract_DynamicPlugin_ListsFeaturesFromParameters()
    {
        var options = Faulty("ok") with
        {
            Overrides = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["faulty"] = new Dictionary<string, string> { ["extras"] = "2" },
            },
        };
        var extractor = new Extractor(_catalog, options);

        var names = extractor.Features.Where(f => f.PluginId == "faulty").Select(f => f.Name);
        var values = extractor.Extract(CryoEt).Objects[0].Features.Where(f => f.Descriptor.PluginId == "faulty");

        Assert.Equal(["faulty.length", "faulty.area", "faulty.ratio", "faulty.extra.1", "faulty.extra.2"], names);
        Assert.Equal([10.0, 100, 0.5, 1, 2], values.Select(f => f.Value!.Value));
    }

    [Fact]
    public void Constructor_UnknownPlugin_ListsLoadedPlugins()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() =>
            new Extractor(_catalog, new ExtractionOptions { PluginIds = ["glcmx"] }));

        Assert.Contains("'glcmx'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("shape", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OverrideForUnselectedPlugin_IsRejected()
    {
        var options = new ExtractionOptions
        {
            PluginIds = ["shape"],
            Overrides = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["faulty"] = new Dictionary<string, string> { ["scale"] = "2" },
            },
        };

        var exception = Assert.Throws<FormatException>(() => new Extractor(_catalog, options));

        Assert.Contains("'faulty'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NoMask_ListsImageWithoutObjects()
    {
        var extractor = new Extractor(_catalog, new ExtractionOptions { PluginIds = ["shape"] });

        var result = extractor.Extract(new DatasetItem("niaid.jpg", TestPaths.NiaidImage, null, null));

        Assert.Equal(ImageStatus.NoMask, result.Status);
        Assert.Empty(result.Objects);
        Assert.Equal(1024, result.Width);
        Assert.Contains(result.Warnings, warning => warning.Contains("no ground-truth mask", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_MissingImage_FailsWithPath()
    {
        var extractor = new Extractor(_catalog, new ExtractionOptions { PluginIds = ["shape"] });
        var path = Path.Combine(_temporary.Path, "absent.png");

        var result = extractor.Extract(new DatasetItem("absent.png", path, TestPaths.CryoEtMask, null));

        Assert.Equal(ImageStatus.Failed, result.Status);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(FailureKind.Input, failure.Kind);
        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_MaskOfOtherSize_Fails()
    {
        var extractor = new Extractor(_catalog, new ExtractionOptions { PluginIds = ["shape"] });

        var result = extractor.Extract(new DatasetItem("niaid.jpg", TestPaths.NiaidImage, TestPaths.CryoEtMask, null));

        Assert.Equal(ImageStatus.Failed, result.Status);
        Assert.Equal(FailureKind.Input, Assert.Single(result.Failures).Kind);
    }

    [Theory]
    [InlineData(8, 1, 6)]
    [InlineData(4, 2, 3)]
    public void Extract_Components_SplitsByConnectivity(int connectivity, int expectedObjects, int firstBoxSize)
    {
        // Two 3x3 squares that touch only at one corner: one object with 8-connectivity, two with 4.
        using var mask = new Mat(20, 20, MatType.CV_8UC1, Scalar.All(0));
        mask[new Rect(2, 2, 3, 3)].SetTo(Scalar.All(255));
        mask[new Rect(5, 5, 3, 3)].SetTo(Scalar.All(255));
        using var image = new Mat(20, 20, MatType.CV_8UC1, Scalar.All(100));
        var imagePath = Path.Combine(_temporary.Path, "image.png");
        var maskPath = Path.Combine(_temporary.Path, "mask.png");
        Cv2.ImWrite(imagePath, image);
        Cv2.ImWrite(maskPath, mask);
        var options = new ExtractionOptions
        {
            PluginIds = ["shape"],
            Objects = ObjectMode.Components,
            Connectivity = connectivity,
        };

        var result = new Extractor(_catalog, options).Extract(new DatasetItem("image.png", imagePath, maskPath, null));

        Assert.Equal(expectedObjects, result.Objects.Count);
        Assert.Equal(18, result.Objects.Sum(item => item.PixelCount));
        Assert.Equal(new Rect(2, 2, firstBoxSize, firstBoxSize), result.Objects[0].BoundingBox);
        Assert.Equal(
            result.Objects.Select(item => (double)item.PixelCount),
            result.Objects.Select(item => item.Features.Single(f => f.Descriptor.Name == "shape.area").Value!.Value));
    }

    [Fact]
    public void Extract_SaveCrops_WritesPerObject()
    {
        using var mask = new Mat(40, 60, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Circle(mask, new Point(10, 10), 5, Scalar.All(255), -1);
        Cv2.Rectangle(mask, new Rect(30, 20, 20, 10), Scalar.All(255), -1);
        using var image = new Mat(40, 60, MatType.CV_8UC1, Scalar.All(90));
        var imagePath = Path.Combine(_temporary.Path, "two.png");
        var maskPath = Path.Combine(_temporary.Path, "two_mask.png");
        Cv2.ImWrite(imagePath, image);
        Cv2.ImWrite(maskPath, mask);
        var crops = Path.Combine(_temporary.Path, "crops");
        var options = new ExtractionOptions
        {
            PluginIds = ["shape"],
            Objects = ObjectMode.Components,
            CropsFolder = crops,
            CropMargin = 2,
        };

        var result = new Extractor(_catalog, options).Extract(new DatasetItem("two.png", imagePath, maskPath, null));

        Assert.Equal(4, result.Artifacts.Count);
        using var rectangleMask = Cv2.ImRead(Path.Combine(crops, "two.png", "object-2.mask.png"), ImreadModes.Unchanged);
        Assert.Equal(new Size(24, 14), rectangleMask.Size());
        Assert.Equal(200, Cv2.CountNonZero(rectangleMask));
        using var discImage = Cv2.ImRead(Path.Combine(crops, "two.png", "object-1.image.png"), ImreadModes.Unchanged);
        Assert.Equal(new Size(15, 15), discImage.Size());
    }

    [Theory]
    [InlineData(ObjectMode.Components)]
    [InlineData(ObjectMode.Whole)]
    public void Extract_EmptyMask_IsNoObjects(ObjectMode mode)
    {
        using var mask = new Mat(20, 20, MatType.CV_8UC1, Scalar.All(0));
        using var image = new Mat(20, 20, MatType.CV_8UC1, Scalar.All(100));
        var imagePath = Path.Combine(_temporary.Path, "blank.png");
        var maskPath = Path.Combine(_temporary.Path, "blank_mask.png");
        Cv2.ImWrite(imagePath, image);
        Cv2.ImWrite(maskPath, mask);
        var options = new ExtractionOptions { PluginIds = ["shape"], Objects = mode };

        var result = new Extractor(_catalog, options).Extract(new DatasetItem("blank.png", imagePath, maskPath, null));

        Assert.Equal(ImageStatus.NoObjects, result.Status);
        Assert.Empty(result.Objects);
        Assert.Contains(result.Warnings, warning => warning.Contains("no foreground pixel", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_CancelledToken_Throws()
    {
        var extractor = new Extractor(_catalog, new ExtractionOptions { PluginIds = ["shape"] });

        Assert.ThrowsAny<OperationCanceledException>(() => extractor.Extract(CryoEt, new CancellationToken(true)));
    }

    private static ExtractionOptions Faulty(string mode) => new()
    {
        PluginIds = ["shape", "faulty"],
        Overrides = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["faulty"] = new Dictionary<string, string> { ["mode"] = mode },
        },
    };
}
