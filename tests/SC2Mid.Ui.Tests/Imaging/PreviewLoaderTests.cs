using SC2Mid.Core.Datasets;
using SC2Mid.Core.Imaging;
using SC2Mid.Ui.Imaging;

namespace SC2Mid.Ui.Tests.Imaging;

public class PreviewLoaderTests
{
    [Fact]
    public void Load_CryoEtSample_KeepsMask()
    {
        var item = DatasetReader.Read(Repository.SampleManifest).Items[0];

        var preview = PreviewLoader.Load(item, new ImageLoadOptions());

        Assert.True(preview.Width <= PreviewLoader.MaxSide);
        Assert.True(preview.Height <= PreviewLoader.MaxSide);
        Assert.NotNull(preview.Mask);
        Assert.Contains(true, preview.Mask!);
        Assert.Contains(false, preview.Mask!);
        // Stretched to 0..255 before shrinking, so area averaging may pull the extremes in slightly.
        Assert.True(preview.Grey.Min() < 32, $"darkest grey {preview.Grey.Min()}");
        Assert.True(preview.Grey.Max() > 223, $"brightest grey {preview.Grey.Max()}");
        Assert.Contains("mask foreground", preview.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ImageWithoutMask_HasNoMask()
    {
        var item = DatasetReader.Read(Repository.SampleManifest).Items[1];

        var preview = PreviewLoader.Load(item, new ImageLoadOptions());

        Assert.Null(preview.Mask);
        Assert.Contains("no mask", preview.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsImageLoadException()
    {
        var item = new DatasetItem("missing.png", Path.Combine(Path.GetTempPath(), "sc2mid-missing.png"), null, null);

        Assert.Throws<ImageLoadException>(() => PreviewLoader.Load(item, new ImageLoadOptions()));
    }
}
