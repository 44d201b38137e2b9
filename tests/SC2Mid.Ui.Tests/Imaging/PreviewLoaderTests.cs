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
        Assert.Equal(0, preview.Grey.Min());
        Assert.Equal(255, preview.Grey.Max());
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
    public void Stretch_Ramp_ClipsHalfPercentAtEachEnd()
    {
        // 0..1000: the 0.5th percentile is 5 and the 99.5th is 995, so 5 maps to 0, 995 to 255 and 500 to 128.
        var values = Enumerable.Range(0, 1001).Select(value => (float)value).ToArray();

        var grey = PreviewLoader.Stretch(values);

        Assert.Equal(0, grey[0]);
        Assert.Equal(0, grey[5]);
        Assert.Equal(128, grey[500]);
        Assert.Equal(255, grey[995]);
        Assert.Equal(255, grey[1000]);
    }

    [Fact]
    public void Stretch_ConstantImage_IsBlack()
    {
        Assert.All(PreviewLoader.Stretch([7f, 7f, 7f]), value => Assert.Equal(0, value));
    }

    [Fact]
    public void Load_MissingFile_ThrowsImageLoadException()
    {
        var item = new DatasetItem("missing.png", Path.Combine(Path.GetTempPath(), "sc2mid-missing.png"), null, null);

        Assert.Throws<ImageLoadException>(() => PreviewLoader.Load(item, new ImageLoadOptions()));
    }
}
