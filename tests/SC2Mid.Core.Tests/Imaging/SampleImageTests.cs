using OpenCvSharp;
using SC2Mid.Core.Imaging;

namespace SC2Mid.Core.Tests.Imaging;

/// <summary>Tests on the bundled sample data, with expected values from samples/*/SOURCE.md.</summary>
public sealed class SampleImageTests
{
    private const int CryoEtWidth = 960;
    private const int CryoEtHeight = 928;
    private const int CryoEtForegroundPixels = 59_784;

    private readonly ImageLoader _loader = new(new ImageLoadOptions());

    [Theory]
    [InlineData("TS_001.133.tif", "tiff")]
    [InlineData("TS_001.133.png", "png")]
    public void LoadImage_CryoEtSlice_IsEightBitGrey(string fileName, string format)
    {
        using var image = _loader.LoadImage(Path.Combine(ImagingTestFiles.CryoEtFolder, fileName));

        Assert.Equal(format, image.Format);
        Assert.Equal(new Size(CryoEtWidth, CryoEtHeight), image.Grey.Size());
        Assert.Equal(MatType.CV_8UC1, image.Grey.Type());
        Assert.Equal(8, image.BitDepth);
        Assert.Equal("none", image.GreyConversion);
        Assert.Equal(1, image.PageCount);
        Assert.Empty(image.Warnings);
    }

    [Fact]
    public void LoadImage_CryoEtTiffAndPng_Identical()
    {
        using var tiff = _loader.LoadImage(ImagingTestFiles.CryoEtTiff);
        using var png = _loader.LoadImage(ImagingTestFiles.CryoEtPng);

        Assert.Equal(0, ImageLoaderTests.CountDifferences(tiff.Grey, png.Grey));
        Assert.NotEqual(tiff.Sha256, png.Sha256);
    }

    [Theory]
    [InlineData("TS_001.133_ground_truth.tif")]
    [InlineData("TS_001.133_ground_truth.png")]
    public void LoadMask_CryoEtGroundTruth_HasDocumentedForeground(string fileName)
    {
        var path = Path.Combine(ImagingTestFiles.CryoEtFolder, fileName);

        using var mask = _loader.LoadMask(path, new Size(CryoEtWidth, CryoEtHeight));

        Assert.Equal(CryoEtForegroundPixels, Cv2.CountNonZero(mask.Mask));
        Assert.Equal("value > 0 (lossless)", mask.ForegroundRule);
        Assert.Empty(mask.Warnings);
    }

    [Fact]
    public void LoadMask_CryoEtGroundTruth_EqualsRawPixels()
    {
        using var raw = Cv2.ImDecode(File.ReadAllBytes(ImagingTestFiles.CryoEtMaskTiff), ImageDecoder.DecodeFlags);
        using var mask = _loader.LoadMask(ImagingTestFiles.CryoEtMaskTiff, raw.Size());

        Assert.Equal(0, ImageLoaderTests.CountDifferences(raw, mask.Mask));
    }

    [Fact]
    public void LoadImage_NiaidJpeg_ConvertsRgbToGrey()
    {
        using var image = _loader.LoadImage(ImagingTestFiles.NiaidJpeg);

        Assert.Equal("jpeg", image.Format);
        Assert.Equal(new Size(1024, 800), image.Original.Size());
        Assert.Equal(MatType.CV_8UC3, image.Original.Type());
        Assert.Equal(MatType.CV_8UC1, image.Grey.Type());
        Assert.Equal("BT.601 luma: 0.299 R + 0.587 G + 0.114 B", image.GreyConversion);
        Assert.Empty(image.Warnings);
    }
}
