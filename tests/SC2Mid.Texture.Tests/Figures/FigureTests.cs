using OpenCvSharp;
using SC2Mid.Plugins.Glcm;
using SC2Mid.Plugins.Hog;
using SC2Mid.Sdk;

namespace SC2Mid.Texture.Tests.Figures;

/// <summary>
/// The figures of both plugins for the cryo-ET sample. They are written to <see cref="FigureFolder"/> so that a
/// person can open them; the tests check names, sizes and pixel format, not the drawing.
/// </summary>
public sealed class FigureTests
{
    private const string CryoImage = "samples/cryoet/TS_001.133.tif";
    private const string CryoMask = "samples/cryoet/TS_001.133_ground_truth.tif";

    /// <summary>Folder that receives the figures: sc2mid-texture-figures under the system's temporary folder.</summary>
    public static string FigureFolder => Path.Combine(Path.GetTempPath(), "sc2mid-texture-figures");

    [Fact]
    public void Extract_GlcmFiguresRequested_SavesHistogramAndFourMatrices()
    {
        var sink = new RecordingSink(Path.Combine(FigureFolder, "glcm"));

        Extract(new GlcmPlugin(), GlcmReferenceFolder, "{}", sink, figures: true);

        Assert.Equal(
            ["glcm-histogram", "glcm-matrix-0", "glcm-matrix-45", "glcm-matrix-90", "glcm-matrix-135"],
            sink.Figures.Select(f => f.Name));
        AssertReadable(sink);
    }

    [Fact]
    public void Extract_HogPaper36FiguresRequested_SavesHistogramAndGlyphs()
    {
        var sink = new RecordingSink(Path.Combine(FigureFolder, "hog-paper36"));

        Extract(new HogPlugin(), HogReferenceFolder, "{}", sink, figures: true);

        Assert.Equal(["hog-histogram", "hog-glyphs"], sink.Figures.Select(f => f.Name));
        AssertReadable(sink);
    }

    [Fact]
    public void Extract_HogGeneralFiguresRequested_SavesGlyphsAndVector()
    {
        var sink = new RecordingSink(Path.Combine(FigureFolder, "hog-general"));

        string overrides = """{"preset": "general", "pixels_per_cell": 16}""";
        Extract(new HogPlugin(), HogReferenceFolder, overrides, sink, figures: true);

        Assert.Equal(["hog-glyphs"], sink.Figures.Select(f => f.Name));
        Assert.Single(sink.Vectors);
        AssertReadable(sink);
    }

    [Fact]
    public void Extract_FlatRegionFiguresRequested_SavesEveryFigure()
    {
        using var sample = new TextureSample(
            new Mat(10, 10, MatType.CV_8UC1, Scalar.All(42)),
            new Mat(10, 10, MatType.CV_8UC1, Scalar.All(255)));
        var sink = new RecordingSink(Path.Combine(FigureFolder, "glcm-flat"));
        var context = new ExtractionContext(
            ManifestParameters.Build(GlcmReferenceFolder), sink, true, CancellationToken.None);

        new GlcmPlugin().Extract(sample.Sample, context);

        Assert.Equal(5, sink.Figures.Count);
        AssertReadable(sink);
    }

    [Fact]
    public void Extract_AngleWithoutPairs_SkipsItsHeatMap()
    {
        var mask = new Mat(6, 6, MatType.CV_8UC1, Scalar.All(0));
        mask[new Rect(1, 2, 4, 1)].SetTo(Scalar.All(255));
        var grey = new Mat(6, 6, MatType.CV_8UC1);
        Cv2.Randu(grey, Scalar.All(0), Scalar.All(255));
        using var sample = new TextureSample(grey, mask);
        var sink = new RecordingSink();
        var context = new ExtractionContext(
            ManifestParameters.Build(GlcmReferenceFolder), sink, true, CancellationToken.None);

        new GlcmPlugin().Extract(sample.Sample, context);

        Assert.Equal(["glcm-histogram", "glcm-matrix-0"], sink.Figures.Select(f => f.Name));
    }

    [Fact]
    public void Extract_FiguresNotRequested_SavesNoFigure()
    {
        var sink = new RecordingSink();

        Extract(new GlcmPlugin(), GlcmReferenceFolder, "{}", sink, figures: false);
        Extract(new HogPlugin(), HogReferenceFolder, "{}", sink, figures: false);

        Assert.Empty(sink.Figures);
    }

    private static string GlcmReferenceFolder => Glcm.GlcmReferenceTests.PluginFolder;

    private static string HogReferenceFolder => Hog.HogReferenceTests.PluginFolder;

    private static void AssertReadable(RecordingSink sink)
    {
        foreach (var figure in sink.Figures)
        {
            Assert.Equal(3, figure.Channels);
            Assert.Equal(MatType.CV_8U, figure.Depth);
            Assert.InRange(figure.Width, 400, 2000);
            Assert.InRange(figure.Height, 400, 2000);
        }
    }

    private static void Extract(
        IFeaturePlugin plugin,
        string pluginFolder,
        string overrides,
        IArtifactSink sink,
        bool figures)
    {
        using TextureSample sample = TextureSample.Load(CryoImage, CryoMask);
        var context = new ExtractionContext(
            ManifestParameters.Build(pluginFolder, overrides), sink, figures, CancellationToken.None);
        plugin.Extract(sample.Sample, context);
    }
}
